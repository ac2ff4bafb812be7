// Data quality: last load per source and country, reports received and on time per country,
// month and source, and the most recent rejects with their exact place.
// For the programme's staff only: never part of the public edition.
import { requireFeature } from "../components/edition.ts";
import { runLoader } from "./lib/warehouse.ts";

const REJECTS_SHOWN = 500;

await runLoader(async (db, edition) => {
  requireFeature(edition, "staff", "quality.json");
  const [{ total } = { total: 0 }] = await db.query<{ total: number }>("rejects_count", { country: "" });
  return {
    loads: await db.query("last_loads"),
    completeness: (await db.hasTable("mart", "completeness")) ? await db.query("completeness") : [],
    rejects: await db.query("rejects", { country: "", limit: REJECTS_SHOWN }),
    rejectsTotal: total,
  };
});
