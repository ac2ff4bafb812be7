import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from "@duckdb/node-api";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ImaginEcoleError } from "../core/errors.ts";

export const DEFAULT_DB = "data/warehouse.duckdb";

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "migrations");

/** DuckDB spills to disk past this, so memory stays flat whatever the input size. */
export const DEFAULT_MEMORY_LIMIT = "1GB";
export const MEMORY_LIMIT_ENV = "IMAGINECOLE_MEMORY_LIMIT";

export type Params = Record<string, DuckDBValue> | DuckDBValue[];

/** The one DuckDB file holding the raw, core, mart and ops layers. */
export class Warehouse {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
  ) {}

  /** Opens (or creates) the warehouse and applies pending migrations. */
  static async open(path: string = DEFAULT_DB): Promise<Warehouse> {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path);
    } catch (error) {
      const message = String((error as Error).message ?? error);
      if (/lock/i.test(message)) {
        throw new ImaginEcoleError({
          fr: `L'entrepôt ${path} est utilisé par un autre processus (une autre exécution est en cours). Attendez qu'elle se termine puis relancez.`,
          en: `The warehouse ${path} is in use by another process (another run is in progress). Wait for it to finish, then run again.`,
        }, 2);
      }
      throw error;
    }
    const conn = await instance.connect();
    const limit = process.env[MEMORY_LIMIT_ENV] ?? DEFAULT_MEMORY_LIMIT;
    if (!/^\d+(\.\d+)?\s*[KMGT]i?B$/i.test(limit)) {
      throw new ImaginEcoleError({
        fr: `${MEMORY_LIMIT_ENV} invalide (« ${limit} ») : attendu par exemple 1GB ou 512MB.`,
        en: `Invalid ${MEMORY_LIMIT_ENV} ("${limit}"): expected for example 1GB or 512MB.`,
      }, 2);
    }
    await conn.run(`SET memory_limit = '${limit}'`);
    // Months and days are cut in UTC whatever the machine's zone, so every run buckets alike.
    await conn.run("SET TimeZone = 'UTC'");
    const warehouse = new Warehouse(path, instance, conn);
    await warehouse.migrate();
    return warehouse;
  }

  async run(sql: string, params?: Params): Promise<void> {
    await this.conn.run(sql, params as never);
  }

  /** Rows as plain objects; BIGINT comes back as number when it fits, which all our counts do. */
  async all<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]> {
    const reader = await this.conn.runAndReadAll(sql, params as never);
    return reader.getRowObjectsJS().map((row) => normalise(row) as T);
  }

  async one<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async scalar<T = unknown>(sql: string, params?: Params): Promise<T> {
    const row = await this.one<Record<string, unknown>>(sql, params);
    return (row ? Object.values(row)[0] : undefined) as T;
  }

  /** Runs `work` in one transaction: everything it wrote is kept, or none of it. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.conn.run("BEGIN TRANSACTION");
    try {
      const result = await work();
      await this.conn.run("COMMIT");
      return result;
    } catch (error) {
      await this.conn.run("ROLLBACK");
      throw error;
    }
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }

  private async migrate(): Promise<void> {
    await this.conn.run(
      "CREATE TABLE IF NOT EXISTS main.schema_migrations (version VARCHAR PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)",
    );
    const applied = new Set(
      (await this.all<{ version: string }>("SELECT version FROM main.schema_migrations")).map((r) => r.version),
    );
    for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith(".sql")).sort()) {
      const version = file.replace(/\.sql$/, "");
      if (applied.has(version)) continue;
      await this.transaction(async () => {
        await this.conn.run(readFileSync(join(MIGRATIONS_DIR, file), "utf8"));
        await this.conn.run("INSERT INTO main.schema_migrations VALUES ($1, now())", [version]);
      });
    }
  }
}

function normalise(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = normaliseValue(value);
  return out;
}

function normaliseValue(value: unknown): unknown {
  return typeof value === "bigint" ? Number(value) : value;
}
