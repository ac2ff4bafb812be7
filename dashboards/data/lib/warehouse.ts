// The one way data loaders read the warehouse: read-only, SQL from dashboards/data/sql/<name>.sql
// with bound parameters, JSON-safe rows (BIGINT as number), errors to stderr and a non-zero exit.
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { editionFromEnv, type Edition } from "../../components/edition.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = resolve(HERE, "../../..");
const SQL_DIR = join(HERE, "..", "sql");

/** IMAGINECOLE_DB, or data/warehouse.duckdb, relative to the project root. */
export function warehousePath(): string {
  return resolve(PROJECT_ROOT, process.env.IMAGINECOLE_DB ?? "data/warehouse.duckdb");
}

export type Row = Record<string, unknown>;

export class ReadOnlyWarehouse {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
  ) {}

  static async open(path = warehousePath()): Promise<ReadOnlyWarehouse> {
    if (!existsSync(path)) {
      throw new Error(
        `Entrepôt introuvable : ${path}. Lancez « npx imaginecole run » ou indiquez IMAGINECOLE_DB. / ` +
          `Warehouse not found: ${path}. Run "npx imaginecole run" or set IMAGINECOLE_DB.`,
      );
    }
    const instance = await DuckDBInstance.create(path, { access_mode: "READ_ONLY" });
    return new ReadOnlyWarehouse(instance, await instance.connect());
  }

  /** Runs dashboards/data/sql/<name>.sql with its parameters bound. */
  async query<T = Row>(name: string, params: Record<string, DuckDBValue> = {}): Promise<T[]> {
    return this.sql<T>(readFileSync(join(SQL_DIR, `${name}.sql`), "utf8"), params);
  }

  async sql<T = Row>(text: string, params: Record<string, DuckDBValue> = {}): Promise<T[]> {
    const reader = await this.conn.runAndReadAll(text, Object.keys(params).length ? params : undefined);
    return reader.getRowObjectsJS().map((row) => jsonSafe(row) as T);
  }

  /** Tables that later migrations add (catalogue, target status) are read only when present. */
  async hasTable(schema: string, table: string): Promise<boolean> {
    const rows = await this.sql(
      "SELECT 1 FROM information_schema.tables WHERE table_schema = $schema AND table_name = $table",
      { schema, table },
    );
    return rows.length > 0;
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

function jsonSafe(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = typeof value === "bigint" ? Number(value) : value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

/**
 * Runs a loader for the edition being built (components/edition.ts): its result as JSON on
 * stdout; on failure the reason on stderr and exit code 1.
 */
export async function runLoader(build: (db: ReadOnlyWarehouse, edition: Edition) => Promise<unknown>): Promise<void> {
  let db: ReadOnlyWarehouse | undefined;
  try {
    const edition = editionFromEnv(process.env);
    db = await ReadOnlyWarehouse.open();
    process.stdout.write(JSON.stringify(await build(db, edition)));
  } catch (error) {
    process.stderr.write(`${(error as Error).message ?? error}\n`);
    process.exitCode = 1;
  } finally {
    db?.close();
  }
}
