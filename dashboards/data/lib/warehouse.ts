// The one way data loaders read the warehouse: opened read-only through Warehouse, SQL from
// dashboards/data/sql/<name>.sql with bound parameters, JSON-safe rows (BIGINT as number, dates
// as ISO text), errors to stderr and a non-zero exit.
import type { DuckDBResultReader, DuckDBValue } from "@duckdb/node-api";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sqlFile } from "../../../src/warehouse/sql-file.ts";
import { LOADERS_ONE_PROCESS_ENV } from "../../../src/site/loaders-env.ts";
import { Warehouse } from "../../../src/warehouse/warehouse.ts";
import { editionFromEnv, type Edition } from "../../components/edition.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = resolve(HERE, "../../..");

/** IMAGINECOLE_DB, or data/warehouse.duckdb, relative to the project root. */
export function warehousePath(): string {
  return resolve(PROJECT_ROOT, process.env.IMAGINECOLE_DB ?? "data/warehouse.duckdb");
}

export type Row = Record<string, unknown>;

/**
 * When every loader of a build runs in one process (src/site/loaders.ts), the warehouse is opened
 * once for all of them (47 openings and closings were more than half of their time), and its
 * blocks stay in DuckDB's cache from one loader to the next.
 */
const opened = new Map<string, Promise<Warehouse>>();

/**
 * The same loaders' queries, answered once per process: the warehouse does not change while a
 * build's loaders run, and a page, its other language and its data file ask the same things (the
 * flags of every country, the last loads, the catalogue: two fifths of the loaders' time). Each
 * caller gets its own copy of the rows.
 */
const answers = new WeakMap<Warehouse, Map<string, Promise<unknown[]>>>();
const queryKey = (name: string, params: Record<string, DuckDBValue>) =>
  `${name} ${JSON.stringify(params, (_, value: unknown) => (typeof value === "bigint" ? `${value}n` : value))}`;

export class ReadOnlyWarehouse {
  private constructor(
    private readonly warehouse: Warehouse,
    /** False when the warehouse is shared by the loaders of one process, which close it at exit. */
    private readonly owned: boolean,
  ) {}

  static async open(path = warehousePath()): Promise<ReadOnlyWarehouse> {
    if (!existsSync(path)) {
      throw new Error(
        `Entrepôt introuvable : ${path}. Lancez « npx imaginecole run » ou indiquez IMAGINECOLE_DB. / ` +
          `Warehouse not found: ${path}. Run "npx imaginecole run" or set IMAGINECOLE_DB.`,
      );
    }
    if (!process.env[LOADERS_ONE_PROCESS_ENV]) return new ReadOnlyWarehouse(await Warehouse.open(path, { readOnly: true }), true);
    const shared = opened.get(path) ?? Warehouse.open(path, { readOnly: true });
    opened.set(path, shared);
    shared.catch(() => opened.delete(path));
    return new ReadOnlyWarehouse(await shared, false);
  }

  /** Runs dashboards/data/sql/<name>.sql with its parameters bound. */
  async query<T = Row>(name: string, params: Record<string, DuckDBValue> = {}): Promise<T[]> {
    const run = async () => this.rows<T>(await this.warehouse.read(sqlFile(import.meta.url, `../sql/${name}.sql`), params));
    if (this.owned) return run();
    let known = answers.get(this.warehouse);
    if (!known) answers.set(this.warehouse, (known = new Map()));
    const key = queryKey(name, params);
    if (!known.has(key)) {
      const answer = run();
      known.set(key, answer);
      answer.catch(() => known.delete(key));
    }
    return structuredClone((await known.get(key)!) as T[]);
  }

  /** Tables that later migrations add (catalogue, target status) are read only when present. */
  async hasTable(schema: string, table: string): Promise<boolean> {
    const rows = await this.warehouse.all(
      "SELECT 1 FROM information_schema.tables WHERE table_schema = $schema AND table_name = $table",
      { schema, table },
    );
    return rows.length > 0;
  }

  close(): void {
    if (this.owned) this.warehouse.close();
  }

  private rows<T>(reader: DuckDBResultReader): T[] {
    return reader.getRowObjectsJS().map((row) => jsonSafe(row) as T);
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
 * Runs a loader for the edition being built (components/edition.ts): its result on stdout, as
 * JSON unless `write` says otherwise; on failure the reason on stderr and exit code 1.
 */
export async function runLoader<T>(
  build: (db: ReadOnlyWarehouse, edition: Edition) => Promise<T>,
  write: (result: T) => string = JSON.stringify,
): Promise<void> {
  let db: ReadOnlyWarehouse | undefined;
  try {
    const edition = editionFromEnv(process.env);
    db = await ReadOnlyWarehouse.open();
    process.stdout.write(write(await build(db, edition)));
  } catch (error) {
    process.stderr.write(`${(error as Error).message ?? error}\n`);
    process.exitCode = 1;
  } finally {
    db?.close();
  }
}
