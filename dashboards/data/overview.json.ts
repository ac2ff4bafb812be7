// The overview's numbers: the key indicators' latest value per country, their regional monthly
// totals for the cards, and the all-country phase standing (status, phase target and deadline)
// the mart computed, and the periods the table can be read for. Size depends on countries and months only.
import { DEFAULT_RULES_PATH, loadRules } from "../../src/mart/rules-config.ts";
import { KEY_INDICATORS } from "../components/indicators.ts";
import { regionalTotals, type Point } from "./lib/regional-totals.ts";
import { runLoader } from "./lib/warehouse.ts";

const keys = new Set<string>(KEY_INDICATORS);

await runLoader(async (db) => ({
  indicators: KEY_INDICATORS,
  // The shares of the trajectory the mart's target statuses were decided with (read from the project folder, as the mart build does).
  thresholds: loadRules(DEFAULT_RULES_PATH).targetStatus,
  latest: (await db.query<Point>("indicator_latest")).filter((r) => keys.has(r.indicator_id)),
  phase: (await db.query<{ indicator_id: string }>("regional_phase")).filter((r) => keys.has(r.indicator_id)),
  // The months, quarters and years a reader may pick; their figures are in overview-periods.json.
  periods: await db.query("period_choices"),
  regional: regionalTotals((await db.query<Point>("indicator_monthly")).filter((r) => keys.has(r.indicator_id))),
}));
