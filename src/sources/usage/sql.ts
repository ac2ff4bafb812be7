import { readFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DuckDBValue } from "@duckdb/node-api";
import type { Warehouse } from "../../warehouse/warehouse.ts";

const SQL_DIR = join(dirname(fileURLToPath(import.meta.url)), "sql");
const cache = new Map<string, string[]>();

/** The statements of `sql/<name>.sql` (or of the .sql file at an absolute path), split on the semicolons that end a line. */
function statements(name: string): string[] {
  let list = cache.get(name);
  if (!list) {
    list = readFileSync(isAbsolute(name) ? name : join(SQL_DIR, `${name}.sql`), "utf8")
      .split(/;\s*$/m)
      .map((s) => s.trim())
      .filter((s) => s.replace(/--.*$/gm, "").trim() !== "");
    cache.set(name, list);
  }
  return list;
}

/**
 * Runs `sql/<name>.sql` (or an absolute path to a .sql file), each statement with the named parameters it mentions. `fragments` fill
 * `{{slot}}`s with generated SQL structure (never values: those are always bound).
 * Returns the rows changed by the last statement.
 */
export async function runSqlFile(
  warehouse: Warehouse,
  name: string,
  params: Record<string, DuckDBValue> = {},
  fragments: Record<string, string> = {},
): Promise<number> {
  let changed = 0;
  for (const template of statements(name)) {
    const sql = template.replace(/\{\{(\w+)\}\}/g, (_, slot: string) => {
      const fragment = fragments[slot];
      if (fragment === undefined) throw new Error(`${name}.sql: no SQL for {{${slot}}}`);
      return fragment;
    });
    const result = await warehouse.conn.run(sql, usedParams(params, sql));
    changed = Number(result.rowsChanged);
  }
  return changed;
}

/** A query or relation, and the parameters it may bind. */
export interface Query {
  sql: string;
  params: Record<string, DuckDBValue>;
}

/** The parameters the statement's text mentions: DuckDB refuses any other. */
export function usedParams(params: Record<string, DuckDBValue>, sql: string): Record<string, DuckDBValue> {
  return Object.fromEntries(Object.entries(params).filter(([key]) => new RegExp(`\\$${key}\\b`).test(sql)));
}
