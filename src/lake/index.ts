import { existsSync } from "node:fs";
import { discard, swapIn, workFolder } from "../warehouse/output-folder.ts";
import { sqlFile } from "../warehouse/sql-file.ts";
import { clearStale, isStale } from "../warehouse/stale.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { quoteLiteral } from "../warehouse/sql-text.ts";

/** The lake's folder of usage events under `dir`. */
export function usageLakeFolder(dir: string): string {
  return `${dir.replace(/\/+$/, "")}/usage_events`;
}

/**
 * Whether the lake under `dir` must be rewritten: it is missing, or a committed load of usage
 * events marked it stale (also when a run was killed before or while writing it).
 */
export async function usageLakeIsStale(warehouse: Warehouse, dir: string): Promise<boolean> {
  return !existsSync(usageLakeFolder(dir)) || (await isStale(warehouse, "lake"));
}

/**
 * Rewrites the Parquet copy of core.usage_events under `dir` (usage_events/year=/month=/country=/).
 * The files are written into a folder beside it, then swapped in by renames: a crash leaves the
 * previous lake, or none (rewritten by the next run), never a part of one.
 */
export async function writeUsageLake(warehouse: Warehouse, dir: string): Promise<string> {
  const target = usageLakeFolder(dir);
  const work = workFolder(target);
  try {
    // COPY takes no bound parameter for its target; the path is ours, quoted as a SQL string literal.
    await warehouse.run(sqlFile(import.meta.url, "usage_events.sql").fill({ target: quoteLiteral(work) }));
    swapIn(work, target);
  } catch (error) {
    discard(work);
    throw error;
  }
  await clearStale(warehouse, "lake");
  return target;
}

/** A relation over the lake with the same columns as core.usage_events. */
export function usageLakeRelation(target: string): string {
  return `(SELECT event_id, occurred_at, country AS country_code, actor_key, verb, object_id, source, load_id
           FROM read_parquet(${quoteLiteral(`${target}/**/*.parquet`)}, hive_partitioning = true))`;
}
