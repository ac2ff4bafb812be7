// Trainers by country and sex; teachers trained through the cascade by country, month and level.
import { runLoader } from "./lib/warehouse.ts";

await runLoader(async (db) => ({
  trainers: await db.query("trainers"),
  cascade: await db.query("cascade"),
}));
