import { accessSync, chmodSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve, sep } from "node:path";
import { loadConfig, type PipelinesConfig } from "../config/pipelines.ts";
import type { RunContext } from "../context/run-context.ts";
import { errorText } from "../core/errors.ts";
import type { Lang } from "../core/lang.ts";
import { say } from "../core/message.ts";
import { refreshMart } from "../mart/refresh.ts";
import { createKeyer, resolveKey } from "../privacy/keyed-hash.ts";
import { isStale } from "../warehouse/stale.ts";
import { DEFAULT_DB, Warehouse } from "../warehouse/warehouse.ts";
import { terminalProgress } from "./progress.ts";
import { afterCommitError } from "./report.ts";

export interface GlobalOptions {
  db?: string;
  lang?: string;
  config?: string;
  logFormat?: "text" | "json";
}

export const ROOT = process.cwd();

export function dbPath(options: GlobalOptions): string {
  return resolve(ROOT, options.db ?? process.env.IMAGINECOLE_DB ?? DEFAULT_DB);
}

/** The lock every run of one warehouse takes, by hand, from cron or from the scheduler. */
export function runLockPath(options: GlobalOptions): string {
  return `${dbPath(options)}.run.lock`;
}

export function logger(format: GlobalOptions["logFormat"]): (message: string) => void {
  if (format === "json") {
    return (message) => process.stderr.write(JSON.stringify({ time: new Date().toISOString(), message }) + "\n");
  }
  return (message) => process.stderr.write(message + "\n");
}

/** Opens the warehouse and builds what every connector needs; the caller closes the warehouse. */
export async function openContext(
  options: GlobalOptions,
  lang: Lang,
  extra: { dryRun?: boolean; inputs?: readonly string[] } = {},
): Promise<{ ctx: RunContext; config: PipelinesConfig; configPath: string }> {
  const { path: configPath, config } = loadConfig(ROOT, options.config);
  const key = resolveKey(process.env, config.demo, config.demo ? realInput(config, extra.inputs ?? []) : undefined);
  const warehouse = await Warehouse.open(extra.dryRun ? checkedCopy(dbPath(options)) : dbPath(options));
  const bar = terminalProgress(options.logFormat !== "json");
  const ctx: RunContext = {
    warehouse,
    lang,
    keyer: createKeyer(key),
    log: options.logFormat === "json" ? logger("json") : bar.log,
    progress: bar.progress,
    dryRun: extra.dryRun ?? false,
    now: today(),
    root: ROOT,
    phase: config.phase,
  };
  return { ctx, config, configPath };
}

/**
 * The first input of a demo configuration that is not among the bundled demo inputs (its
 * `demoInputs` folder): a configured source or a file given to `import`. The demo key is public,
 * so it may hash nothing else. The country reference holds no personal data.
 */
export function realInput(config: PipelinesConfig, inputs: readonly string[]): string | undefined {
  const demo = config.demoInputs ? resolve(ROOT, config.demoInputs) : null;
  const inDemo = (path: string) => demo !== null && (resolve(ROOT, path) + sep).startsWith(demo + sep);
  for (const source of config.sources) {
    if (source.kind === "reference") continue;
    const where = "path" in source ? source.path : "inbox" in source ? source.inbox : undefined;
    if (typeof where !== "string") return `${source.name} (${source.kind})`;
    if (!inDemo(where)) return where;
  }
  return inputs.find((path) => !inDemo(path));
}

/** IMAGINECOLE_TODAY (YYYY-MM-DD) pins "today" for reproducible runs and tests. */
export function today(): Date {
  const pinned = process.env.IMAGINECOLE_TODAY;
  return pinned ? new Date(`${pinned}T12:00:00Z`) : new Date();
}

/**
 * Rebuilds the mart of an open (writable) warehouse if a load left it stale: a run or an import
 * killed between its commit and its rebuild. Commands that read the mart call this first.
 */
export async function freshenMart(warehouse: Warehouse, options: GlobalOptions, lang: Lang): Promise<void> {
  if (!(await isStale(warehouse, "mart"))) return;
  try {
    const { config } = loadConfig(ROOT, options.config);
    await refreshMart({ warehouse, now: today(), lang, log: logger(options.logFormat) }, config, true);
  } catch (error) {
    throw afterCommitError([], "mart", error, warehouse.path);
  }
}

/**
 * Opens the warehouse read-only for a command that only reads it (status, export), so it works on
 * a read-only file too; a stale mart is rebuilt first when the file can be written, else the
 * command goes on with a warning. `tolerant`: a failed rebuild is a warning too (status).
 */
export async function openForReading(options: GlobalOptions, lang: Lang, o: { tolerant?: boolean } = {}): Promise<Warehouse> {
  const path = dbPath(options);
  const reader = await Warehouse.open(path, { readOnly: true });
  if (!(await isStale(reader, "mart"))) return reader;
  reader.close();
  const warn = (text: { fr: string; en: string }) => process.stderr.write(`${say(lang, text)}\n`);
  if (!writable(path)) {
    warn({
      fr: `Attention : des données ont été chargées depuis le dernier calcul des indicateurs, et l'entrepôt ${path} est en lecture seule : les indicateurs lus ici ne sont pas à jour.`,
      en: `Warning: data was loaded after the indicators were last built, and the warehouse ${path} is read-only: the indicators read here are out of date.`,
    });
  } else {
    const writer = await Warehouse.open(path);
    try {
      await freshenMart(writer, options, lang);
    } catch (error) {
      if (!o.tolerant) throw error;
      warn({ fr: `Attention : ${errorText(error, "fr")}`, en: `Warning: ${errorText(error, "en")}` });
    } finally {
      writer.close();
    }
  }
  return Warehouse.open(path, { readOnly: true });
}

/**
 * The warehouse a dry run (`check`) opens: the file itself, or, when it is read-only, a copy in a
 * temporary folder, since a dry run writes its batches before rolling them back. The copy goes
 * when the process ends.
 */
function checkedCopy(path: string): string {
  if (!existsSync(path) || writable(path)) return path;
  const dir = mkdtempSync(join(tmpdir(), "imaginecole-check-"));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const copy = join(dir, "warehouse.duckdb");
  copyFileSync(path, copy);
  if (existsSync(`${path}.wal`)) copyFileSync(`${path}.wal`, `${copy}.wal`);
  // The copy keeps the original's read-only mode: this process's own copy may be written.
  chmodSync(copy, 0o600);
  if (existsSync(`${copy}.wal`)) chmodSync(`${copy}.wal`, 0o600);
  return copy;
}

/** Whether this process may write the file and create files beside it (DuckDB's write-ahead log). */
export function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
