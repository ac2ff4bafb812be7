// Resource counts by country, discipline, level and status; the longest waits in validation;
// each country's median age in validation.
import { INDICATOR } from "../components/indicators.ts";
import { runLoader } from "./lib/warehouse.ts";

await runLoader(async (db) => ({
  counts: await db.query("resources_status"),
  waiting: await db.query("resources_waiting", { limit: 20 }),
  validationAge: (await db.query<{ indicator_id: string }>("indicator_latest")).filter(
    (r) => r.indicator_id === INDICATOR.validationAge,
  ),
}));
