import { resolve, sep } from "node:path";
import { loadConfig, type PipelinesConfig } from "../config/pipelines.ts";
import type { RunContext } from "../context/run-context.ts";
import type { Lang } from "../core/lang.ts";
import { createKeyer, resolveKey } from "../privacy/keyed-hash.ts";
import { DEFAULT_DB, Warehouse } from "../warehouse/warehouse.ts";
import { terminalProgress } from "./progress.ts";

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
  const warehouse = await Warehouse.open(dbPath(options));
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
