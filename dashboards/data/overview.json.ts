// The overview's numbers: the key indicators' latest value per country, and their regional
// monthly totals (value and target) for the cards. Size depends on countries and months only.
import { KEY_INDICATORS } from "../components/indicators.ts";
import { runLoader } from "./lib/warehouse.ts";

interface Point {
  country_code: string;
  indicator_id: string;
  period: string;
  value: number | null;
  target: number | null;
}

const keys = new Set<string>(KEY_INDICATORS);

await runLoader(async (db) => {
  const latest = (await db.query<Point>("indicator_latest")).filter((r) => keys.has(r.indicator_id));
  const regional = new Map<string, { indicator_id: string; period: string; value: number | null; target: number | null; countries: number }>();
  for (const r of await db.query<Point>("indicator_monthly")) {
    if (!keys.has(r.indicator_id)) continue;
    const key = `${r.indicator_id}|${r.period}`;
    const sum = regional.get(key) ?? { indicator_id: r.indicator_id, period: r.period, value: null, target: null, countries: 0 };
    if (r.value != null) {
      sum.value = (sum.value ?? 0) + r.value;
      sum.countries += 1;
    }
    if (r.target != null) sum.target = (sum.target ?? 0) + r.target;
    regional.set(key, sum);
  }
  return { indicators: KEY_INDICATORS, latest, regional: [...regional.values()] };
});
