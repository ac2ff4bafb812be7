// Monthly active users per country on the regional and national platforms.
import { INDICATOR } from "../components/indicators.ts";
import { runLoader } from "./lib/warehouse.ts";

const wanted = new Set<string>([INDICATOR.regionalUsers, INDICATOR.nationalUsers]);

await runLoader(async (db) =>
  (await db.query<{ indicator_id: string }>("indicator_monthly")).filter((r) => wanted.has(r.indicator_id)),
);
