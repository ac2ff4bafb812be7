import { mkdirSync, rmSync } from "node:fs";
import { sqlFile } from "../warehouse/sql-file.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { quoteLiteral } from "../warehouse/sql-text.ts";

/** Rewrites the Parquet copy of core.usage_events under `dir` (usage_events/year=/month=/country=/). */
export async function writeUsageLake(warehouse: Warehouse, dir: string): Promise<string> {
  const target = `${dir.replace(/\/+$/, "")}/usage_events`;
  rmSync(target, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // COPY takes no bound parameter for its target; the path is ours, quoted as a SQL string literal.
  await warehouse.run(sqlFile(import.meta.url, "usage_events.sql").fill({ target: quoteLiteral(target) }));
  return target;
}

/** A relation over the lake with the same columns as core.usage_events. */
export function usageLakeRelation(target: string): string {
  return `(SELECT event_id, occurred_at, country AS country_code, actor_key, verb, object_id, source, load_id
           FROM read_parquet(${quoteLiteral(`${target}/**/*.parquet`)}, hive_partitioning = true))`;
}
