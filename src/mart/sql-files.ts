import type { DuckDBValue } from "@duckdb/node-api";

/**
 * The named parameters a SQL text uses, taken from everything the build knows: DuckDB refuses
 * a bound name the statement does not use, and every file uses a different subset.
 */
export function paramsFor(sql: string, available: Record<string, DuckDBValue>): Record<string, DuckDBValue> {
  const used: Record<string, DuckDBValue> = {};
  for (const match of sql.matchAll(/\$([a-z_][a-z0-9_]*)/gi)) {
    const name = match[1]!;
    if (!(name in available)) throw new Error(`SQL parameter $${name} has no value`);
    used[name] = available[name]!;
  }
  return used;
}
