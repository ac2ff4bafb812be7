// The indicator catalogue (labels, definitions, units) and the month the mart describes.
import { runLoader } from "./lib/warehouse.ts";

await runLoader(async (db) => ({
  indicators: (await db.hasTable("mart", "indicator_catalogue")) ? await db.query("catalogue") : [],
  asOf: (await db.hasTable("mart", "build_info")) ? ((await db.query("build_info"))[0] ?? null) : null,
}));
