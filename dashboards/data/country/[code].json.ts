// Everything one country page shows: its indicators (every month and breakdown), bottlenecks
// where the edition shows them, and for the staff its last loads, most recent rejects and open
// activities (file names, rejected values and free text stay out of the public edition). The
// month's comments are public by contract (the Commentaires tabs).
import { parseArgs } from "node:util";
import { shows } from "../../components/edition.ts";
import { runLoader, type ReadOnlyWarehouse } from "../lib/warehouse.ts";

const { values } = parseArgs({ options: { code: { type: "string" } } });
const country = values.code ?? "";
const REJECTS_SHOWN = 100;

await runLoader(async (db, edition) => ({
  country_code: country,
  indicators: await db.query("country_indicators", { country }),
  // Its figures per month, quarter and year (mart.indicator_periods), for the period control.
  periods: await db.query("country_indicator_periods", { country }),
  comments: await db.query("country_comments", { country }),
  ...(shows(edition, "bottlenecks")
    ? { bottlenecks: (await db.query<{ country_code: string }>("bottlenecks")).filter((b) => b.country_code === country) }
    : {}),
  ...(shows(edition, "staff") ? await staffOnly(db) : {}),
}));

async function staffOnly(db: ReadOnlyWarehouse) {
  const [{ total } = { total: 0 }] = await db.query<{ total: number }>("rejects_count", { country });
  return {
    loads: (await db.query<{ country_code: string }>("last_loads")).filter((l) => l.country_code === country),
    rejects: await db.query("rejects", { country, limit: REJECTS_SHOWN }),
    rejectsTotal: total,
    activities: await db.query("activities_open", { country }),
  };
}
