// The overview's numbers: the key indicators' latest value per country, their regional monthly
// totals for the cards, and the all-country phase standing (status, phase target and deadline)
// the mart computed. Size depends on countries and months only.
import { KEY_INDICATORS } from "../components/indicators.ts";
import { regionalTotals, type Point } from "./lib/regional-totals.ts";
import { runLoader } from "./lib/warehouse.ts";

const keys = new Set<string>(KEY_INDICATORS);

await runLoader(async (db) => ({
  indicators: KEY_INDICATORS,
  latest: (await db.query<Point>("indicator_latest")).filter((r) => keys.has(r.indicator_id)),
  phase: (await db.query<{ indicator_id: string }>("regional_phase")).filter((r) => keys.has(r.indicator_id)),
  regional: regionalTotals((await db.query<Point>("indicator_monthly")).filter((r) => keys.has(r.indicator_id))),
}));
