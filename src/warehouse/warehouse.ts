import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBAppender,
  type DuckDBResultReader,
  type DuckDBType,
  type DuckDBValue,
} from "@duckdb/node-api";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname } from "node:path";
import { EXIT, ImaginEcoleError } from "../core/errors.ts";
import { warehouseFault } from "./faults.ts";
import { type Sql, sqlFile, type SqlParams } from "./sql-file.ts";

export const DEFAULT_DB = "data/warehouse.duckdb";

const MIGRATIONS = new URL("migrations/", import.meta.url);

/** DuckDB spills to disk past this, so memory stays flat whatever the input size. */
export const DEFAULT_MEMORY_LIMIT = "1GB";
export const MEMORY_LIMIT_ENV = "IMAGINECOLE_MEMORY_LIMIT";
/** DuckDB's threads for a command (default: one per core), for a machine the pipeline shares. */
export const THREADS_ENV = "IMAGINECOLE_THREADS";

/** Parameters of SQL written inline: by position (`$1`) or by name, exactly those the statement uses. */
export type Params = SqlParams | DuckDBValue[];
/** Types of parameters DuckDB cannot infer, such as an empty list's. */
export type ParamTypes = Record<string, DuckDBType>;

export interface OpenOptions {
  /** Reads only (DuckDB's READ_ONLY access mode): no migration, and other readers may open the file too. */
  readOnly?: boolean;
}

/**
 * The one DuckDB file holding the raw, core, mart and ops layers, and the only door to it.
 *
 * SQL comes two ways. Inline text (`run("DELETE FROM t WHERE id = $1", [id])`) binds exactly the
 * parameters given, as DuckDB does. Sql from a file (`sqlFile(import.meta.url, "t.sql")`) runs
 * statement by statement under one rule: a parameter a statement mentions but the caller did not
 * give is an error naming the file and the parameter; given ones it does not mention are left out.
 */
export class Warehouse {
  private constructor(
    readonly path: string,
    /** Opened with `readOnly`: nothing can be written, not even a checkpoint. */
    readonly readOnly: boolean,
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    /** False for a connection of connect(): closing it leaves the file open. */
    private readonly ownsInstance = true,
  ) {}

  /**
   * Opens (or creates) the warehouse and applies pending migrations; with `readOnly`, opens an
   * existing one as it is. `":memory:"` gives a fresh warehouse in memory with every migration
   * applied in a few tens of milliseconds: what unit tests use.
   */
  static async open(path: string = DEFAULT_DB, options: OpenOptions = {}): Promise<Warehouse> {
    const memory = path === ":memory:";
    if (options.readOnly && (memory || !existsSync(path))) {
      throw new ImaginEcoleError({
        fr: `Entrepôt introuvable : ${path}. Lancez « npx imaginecole run » d'abord.`,
        en: `Warehouse not found: ${path}. Run "npx imaginecole run" first.`,
      }, EXIT.usage);
    }
    try {
      return await Warehouse.openFile(path, options);
    } catch (error) {
      throw warehouseFault(error, path) ?? error;
    }
  }

  private static async openFile(path: string, options: OpenOptions): Promise<Warehouse> {
    const memory = path === ":memory:";
    // Checked before DuckDB opens the file: a refused setting leaves no instance holding its lock.
    const settings = settingsFromEnv();
    if (!memory && !options.readOnly) mkdirSync(dirname(path), { recursive: true });
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, { ...settings, ...(options.readOnly ? { access_mode: "READ_ONLY" } : {}) });
    } catch (error) {
      const message = String((error as Error).message ?? error);
      if (/Could not set lock on file|Conflicting lock/i.test(message)) {
        throw new ImaginEcoleError({
          fr: `L'entrepôt ${path} est utilisé par un autre processus (une autre exécution est en cours). Attendez qu'elle se termine puis relancez.`,
          en: `The warehouse ${path} is in use by another process (another run is in progress). Wait for it to finish, then run again.`,
        }, EXIT.usage);
      }
      throw error;
    }
    const conn = await instance.connect();
    // Months and days are cut in UTC whatever the machine's zone, so every run buckets alike.
    await conn.run("SET TimeZone = 'UTC'");
    const warehouse = new Warehouse(path, options.readOnly === true, instance, conn);
    try {
      if (!options.readOnly) await warehouse.migrate();
      // Reading the migrations touches the file's first blocks: a truncated or damaged file says so here, not mid-command.
      else await warehouse.all("SELECT version FROM main.schema_migrations");
    } catch (error) {
      warehouse.close();
      throw error;
    }
    return warehouse;
  }

  /** Runs the statement (each statement of a file, in order); returns how many rows the last one changed. */
  async run(sql: Sql, params?: SqlParams, types?: ParamTypes): Promise<number>;
  async run(sql: string, params?: Params, types?: ParamTypes): Promise<number>;
  async run(sql: string | Sql, params?: Params, types?: ParamTypes): Promise<number> {
    let changed = 0;
    for (const { text, values } of statements(sql, params)) {
      changed = (await this.conn.run(text, values, typesOf(values, types))).rowsChanged;
    }
    return changed;
  }

  /**
   * The rows of the (last) statement as DuckDB reads them: BIGINT as bigint, lists and dates as
   * JavaScript values, and columns too. For hot paths and values bound back as parameters.
   */
  async read(sql: Sql, params?: SqlParams, types?: ParamTypes): Promise<DuckDBResultReader>;
  async read(sql: string, params?: Params, types?: ParamTypes): Promise<DuckDBResultReader>;
  async read(sql: string | Sql, params?: Params, types?: ParamTypes): Promise<DuckDBResultReader> {
    const list = statements(sql, params);
    for (const { text, values } of list.slice(0, -1)) await this.conn.run(text, values, typesOf(values, types));
    const { text, values } = list[list.length - 1]!;
    return this.conn.runAndReadAll(text, values, typesOf(values, types));
  }

  /** Rows as plain objects; BIGINT comes back as number when it fits, which all our counts do. */
  async all<T = Record<string, unknown>>(sql: Sql, params?: SqlParams): Promise<T[]>;
  async all<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]>;
  async all<T = Record<string, unknown>>(sql: string | Sql, params?: Params): Promise<T[]> {
    const reader = await this.read(sql as string, params);
    return reader.getRowObjectsJS().map((row) => normalise(row) as T);
  }

  async one<T = Record<string, unknown>>(sql: Sql, params?: SqlParams): Promise<T | undefined>;
  async one<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T | undefined>;
  async one<T = Record<string, unknown>>(sql: string | Sql, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql as string, params))[0];
  }

  async scalar<T = unknown>(sql: Sql, params?: SqlParams): Promise<T>;
  async scalar<T = unknown>(sql: string, params?: Params): Promise<T>;
  async scalar<T = unknown>(sql: string | Sql, params?: Params): Promise<T> {
    const row = await this.one<Record<string, unknown>>(sql as string, params);
    return (row ? Object.values(row)[0] : undefined) as T;
  }

  /** Runs one statement once per row of values, prepared once: thousands of rows in a blink. */
  async runForEach(sql: Sql, rows: readonly SqlParams[]): Promise<void> {
    if (rows.length === 0) return;
    const [first, ...others] = sql.bind(rows[0]);
    if (others.length > 0) throw new Error(`${sql.source}: runForEach takes one statement`);
    const prepared = await this.conn.prepare(first!.text);
    for (const row of rows) {
      prepared.bind(sql.bind(row)[0]!.values);
      await prepared.run();
    }
  }

  /**
   * Rows appended to a table in its column order through DuckDB's appender, within the current
   * transaction, each value cast to its column's type: a few hundred rows cost less than one
   * INSERT statement each.
   */
  async appendRows(table: string, schema: string, rows: readonly (readonly DuckDBValue[])[]): Promise<void> {
    if (rows.length === 0) return;
    const appender = await this.conn.createAppender(table, schema);
    for (const row of rows) {
      for (const value of row) appender.appendValue(value);
      appender.endRow();
    }
    appender.closeSync();
  }

  /** DuckDB's appender into a table (`appender("xapi_stage", "main", "temp")` for a TEMP one): rows at full speed. Close it when done. */
  appender(table: string, schema?: string, catalog?: string): Promise<DuckDBAppender> {
    return this.conn.createAppender(table, schema, catalog);
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

  /**
   * Another connection to the same warehouse, for work done beside this one's: its own
   * transactions and temporary objects, the same file and settings. Closing it leaves the file open.
   */
  async connect(): Promise<Warehouse> {
    const conn = await this.instance.connect();
    // The time zone is the only setting of ours DuckDB keeps per connection.
    await conn.run("SET TimeZone = 'UTC'");
    return new Warehouse(this.path, this.readOnly, this.instance, conn, false);
  }

  close(): void {
    this.conn.closeSync();
    if (this.ownsInstance) this.instance.closeSync();
  }

  private async migrate(): Promise<void> {
    await this.conn.run(
      "CREATE TABLE IF NOT EXISTS main.schema_migrations (version VARCHAR PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)",
    );
    const applied = new Set(
      (await this.all<{ version: string }>("SELECT version FROM main.schema_migrations")).map((r) => r.version),
    );
    for (const file of readdirSync(MIGRATIONS).filter((f) => f.endsWith(".sql")).sort()) {
      const version = file.replace(/\.sql$/, "");
      if (applied.has(version)) continue;
      await this.transaction(async () => {
        await this.run(sqlFile(MIGRATIONS.href, file));
        await this.conn.run("INSERT INTO main.schema_migrations VALUES ($1, now())", [version]);
      });
    }
  }
}

/** DuckDB's settings from the environment (IMAGINECOLE_MEMORY_LIMIT, IMAGINECOLE_THREADS), refused with exit 2 when malformed. */
function settingsFromEnv(): Record<string, string> {
  const limit = process.env[MEMORY_LIMIT_ENV] ?? DEFAULT_MEMORY_LIMIT;
  if (!/^\d+(\.\d+)?\s*[KMGT]i?B$/i.test(limit)) {
    throw new ImaginEcoleError({
      fr: `${MEMORY_LIMIT_ENV} invalide (« ${limit} ») : attendu par exemple 1GB ou 512MB.`,
      en: `Invalid ${MEMORY_LIMIT_ENV} ("${limit}"): expected for example 1GB or 512MB.`,
    }, EXIT.usage);
  }
  const threads = process.env[THREADS_ENV] ?? "";
  if (threads !== "" && !/^[1-9]\d{0,2}$/.test(threads)) {
    throw new ImaginEcoleError({
      fr: `${THREADS_ENV} invalide (« ${threads} ») : attendu un nombre de fils d'exécution, par exemple 2.`,
      en: `Invalid ${THREADS_ENV} ("${threads}"): expected a number of threads, for example 2.`,
    }, EXIT.usage);
  }
  return { memory_limit: limit, ...(threads ? { threads } : {}) };
}

/**
 * The statements to run and what each binds: Sql under its rule, inline text as given. A statement
 * that binds nothing runs unprepared, as DuckDB runs text.
 */
function statements(sql: string | Sql, params: Params | undefined): Array<{ text: string; values: Params | undefined }> {
  if (typeof sql === "string") return [{ text: sql, values: params }];
  if (Array.isArray(params)) throw new Error(`${sql.source}: parameters of a SQL file are named, not positional`);
  return sql.bind(params).map(({ text, values }) => ({ text, values: Object.keys(values).length > 0 ? values : undefined }));
}

/** The types of the parameters bound (DuckDB refuses a type for a name the statement does not use). */
function typesOf(values: Params | undefined, types: ParamTypes | undefined): ParamTypes | undefined {
  if (!types || !values || Array.isArray(values)) return undefined;
  const out: ParamTypes = {};
  for (const name of Object.keys(types)) if (Object.hasOwn(values, name)) out[name] = types[name]!;
  return out;
}

function normalise(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = normaliseValue(value);
  return out;
}

function normaliseValue(value: unknown): unknown {
  return typeof value === "bigint" ? Number(value) : value;
}
