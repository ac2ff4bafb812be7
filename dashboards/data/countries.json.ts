// Member countries: names, map ids and teacher denominators, with their overall status, and their
// bottleneck flags by severity where the edition shows bottlenecks.
import { shows } from "../components/edition.ts";
import { overallStatus, type CountryFlags } from "../components/indicators.ts";
import { runLoader } from "./lib/warehouse.ts";

await runLoader(async (db, edition) => {
  const flags = new Map(
    (await db.query<CountryFlags & { country_code: string }>("country_flags")).map((f) => [f.country_code, f]),
  );
  return (await db.query<{ country_code: string }>("countries")).map((c) => {
    const f = flags.get(c.country_code);
    const status = overallStatus(f);
    if (!shows(edition, "bottlenecks")) return { ...c, status };
    return { ...c, status, high: f?.high ?? 0, medium: f?.medium ?? 0, low: f?.low ?? 0 };
  });
});
