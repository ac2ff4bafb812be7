// Everything one country page shows: its indicators (every month and breakdown), bottlenecks,
// last loads, most recent rejects, open activities and the month's comments.
import { parseArgs } from "node:util";
import { runLoader } from "../lib/warehouse.ts";

const { values } = parseArgs({ options: { code: { type: "string" } } });
const country = values.code ?? "";
const REJECTS_SHOWN = 100;

await runLoader(async (db) => {
  const [{ total } = { total: 0 }] = await db.query<{ total: number }>("rejects_count", { country });
  return {
    country_code: country,
    indicators: await db.query("country_indicators", { country }),
    bottlenecks: (await db.query<{ country_code: string }>("bottlenecks")).filter((b) => b.country_code === country),
    loads: (await db.query<{ country_code: string }>("last_loads")).filter((l) => l.country_code === country),
    rejects: await db.query("rejects", { country, limit: REJECTS_SHOWN }),
    rejectsTotal: total,
    activities: await db.query("activities_open", { country }),
    comments: await db.query("country_comments", { country }),
  };
});
