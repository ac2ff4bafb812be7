// The overview table's figures per month, quarter and year (mart.indicator_periods), for the key
// indicators: read by the page only once a reader picks a period, so the default page stays light.
import { KEY_INDICATORS } from "../components/indicators.ts";
import { runLoader } from "./lib/warehouse.ts";

const keys = new Set<string>(KEY_INDICATORS);

await runLoader(async (db) =>
  (await db.query<{ indicator_id: string }>("indicator_period_values")).filter((r) => keys.has(r.indicator_id)));
