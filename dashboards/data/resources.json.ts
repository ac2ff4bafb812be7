// Resource counts by country, discipline, level and status; each country's median age in
// validation; for the staff, the longest waits in validation with their titles as typed.
import { shows } from "../components/edition.ts";
import { INDICATOR } from "../components/indicators.ts";
import { runLoader } from "./lib/warehouse.ts";

await runLoader(async (db, edition) => ({
  counts: await db.query("resources_status"),
  ...(shows(edition, "staff") ? { waiting: await db.query("resources_waiting", { limit: 20 }) } : {}),
  validationAge: (await db.query<{ indicator_id: string }>("indicator_latest")).filter(
    (r) => r.indicator_id === INDICATOR.validationAge,
  ),
}));
