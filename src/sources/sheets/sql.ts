import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DuckDBValue } from "@duckdb/node-api";
import type { Warehouse } from "../../warehouse/warehouse.ts";

const SQL_DIR = join(dirname(fileURLToPath(import.meta.url)), "sql");

/** A statement of a `sql/<table>.sql` file and the named parameters it binds. */
export interface Statement {
  sql: string;
  params: string[];
}

const cache = new Map<string, Statement[]>();

/** The statements of `sql/<name>.sql`, in order (a file holds one or more, each ending with `;`). */
export function statements(name: string): Statement[] {
  let parsed = cache.get(name);
  if (!parsed) {
    const text = readFileSync(join(SQL_DIR, `${name}.sql`), "utf8")
      .split("\n")
      .filter((line) => !line.trimStart().startsWith("--"))
      .join("\n");
    parsed = text
      .split(/;\s*(?:\n|$)/)
      .map((sql) => sql.trim())
      .filter((sql) => sql !== "")
      .map((sql) => ({ sql, params: [...new Set([...sql.matchAll(/\$([a-z_]+)/g)].map((m) => m[1]!))] }));
    cache.set(name, parsed);
  }
  return parsed;
}

function bindings(statement: Statement, values: Record<string, unknown>): Record<string, DuckDBValue> {
  const params: Record<string, DuckDBValue> = {};
  for (const name of statement.params) params[name] = (values[name] ?? null) as DuckDBValue;
  return params;
}

/** Runs a statement, binding from `values` exactly the parameters it names. */
export async function runStatement(warehouse: Warehouse, statement: Statement, values: Record<string, unknown>): Promise<void> {
  await warehouse.run(statement.sql, bindings(statement, values));
}

/** Runs a statement once per row, prepared once: a tab of thousands of rows loads in a blink. */
export async function runForEach(warehouse: Warehouse, statement: Statement, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const prepared = await warehouse.conn.prepare(statement.sql);
  for (const row of rows) {
    prepared.bind(bindings(statement, row));
    await prepared.run();
  }
}
