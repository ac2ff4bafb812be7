import { resolve } from "node:path";
import type { PipelinesConfig } from "../config/pipelines.ts";
import { EXIT, ImaginEcoleError } from "../core/errors.ts";
import { asUserError } from "../core/faults.ts";
import { usageLakeIsStale, writeUsageLake } from "../lake/index.ts";
import { findKind, type SourceConfig } from "../sources/registry.ts";
import type { LoadResult } from "../warehouse/batch.ts";
import type { RunContext } from "../context/run-context.ts";
import { sideBySide } from "../context/side-by-side.ts";
import { say } from "../core/message.ts";
import { refreshMart } from "../mart/refresh.ts";
import { standingReader } from "../coordinator/standing.ts";
import { runSource } from "./sources.ts";

export interface SourceOutcome {
  source: string;
  kind: SourceConfig["kind"];
  results: LoadResult[];
  /** Set when the source could not run at all (configuration, credentials, unreachable). */
  error?: string;
}

export interface RunOutcome {
  sources: SourceOutcome[];
  martRebuilt: boolean;
  /** Set when the loads were done but the mart or the lake could not be rebuilt after them. */
  derivedFailure?: DerivedFailure;
}

/** An output derived from the warehouse that could not be rebuilt; the loads before it are kept. */
export interface DerivedFailure {
  output: "mart" | "lake";
  error: unknown;
}

/**
 * Runs the configured sources once (or those named in `only`, by name or kind), then rebuilds the
 * mart when anything changed. The foundation (the country reference) comes first on every run,
 * whatever `only` says; if it cannot run, nothing else does, since the others check against it.
 * Any other source that fails does not stop the rest.
 */
export async function runPipelines(
  ctx: RunContext,
  config: PipelinesConfig,
  options: { only?: string[] } = {},
): Promise<RunOutcome> {
  const selected = selectSources(config.sources, options.only);
  const sources: SourceOutcome[] = [];
  for (const source of config.sources.filter(isFoundation)) {
    const outcome = await runOne(ctx, source);
    sources.push(outcome);
    if (outcome.error) return { sources, martRebuilt: false };
  }
  sources.push(...(await runLanes(ctx, selected)));
  const changed = sources.filter((s) => s.results.some((r) => r.status === "loaded" || r.status === "loaded_with_rejects"));
  if (ctx.dryRun) return { sources, martRebuilt: false };
  // The mart and the lake both read core only and write outputs of their own: they are built side
  // by side, the lake on a connection of its own.
  const lake = config.lake ? resolve(ctx.root, config.lake) : undefined;
  const [mart, lakeWritten] = await Promise.allSettled([
    refreshMart(ctx, config, changed.length > 0),
    lake ? refreshLake(ctx, lake) : Promise.resolve(),
  ]);
  if (mart.status === "rejected") return { sources, martRebuilt: false, derivedFailure: { output: "mart", error: mart.reason } };
  const martRebuilt = mart.value;
  await reportBack(ctx, config, sources);
  if (lakeWritten.status === "rejected") return { sources, martRebuilt, derivedFailure: { output: "lake", error: lakeWritten.reason } };
  return { sources, martRebuilt };
}

/**
 * The lake copies usage events only: it is rewritten when a load of them marked it stale (in this
 * run or in one killed before), or when it is missing.
 */
async function refreshLake(ctx: RunContext, lake: string): Promise<void> {
  const warehouse = await ctx.warehouse.connect();
  try {
    if (!(await usageLakeIsStale(warehouse, lake))) return;
    ctx.log(say(ctx, { fr: "Écriture de la copie Parquet des événements d'usage…", en: "Writing the Parquet copy of the usage events…" }));
    await writeUsageLake(warehouse, lake);
  } finally {
    warehouse.close();
  }
}

/**
 * Once the mart is built, each source that ran and reports back to its people (the sheets'
 * Contrôles tab) does so, with the standing the mart now gives; a failure there is logged and
 * leaves the run's loads as they are.
 */
async function reportBack(ctx: RunContext, config: PipelinesConfig, ran: SourceOutcome[]): Promise<void> {
  const standingOf = standingReader(ctx.warehouse);
  for (const outcome of ran) {
    const source = config.sources.find((s) => s.name === outcome.source);
    const kind = source ? findKind(source.kind)?.kind : undefined;
    if (!source || !kind?.afterMart || outcome.error) continue;
    try {
      await kind.afterMart(ctx, source, standingOf);
    } catch (error) {
      ctx.log(asUserError(error, `source ${source.name}`).text(ctx.lang));
    }
  }
}

/** Runs one source; what stops it is its outcome's error, not a throw. */
async function runOne(ctx: RunContext, source: SourceConfig): Promise<SourceOutcome> {
  ctx.log(say(ctx, { fr: `Source ${source.name} (${source.kind})…`, en: `Source ${source.name} (${source.kind})…` }));
  try {
    return { source: source.name, kind: source.kind, results: await runSource(ctx, source) };
  } catch (error) {
    return { source: source.name, kind: source.kind, results: [], error: asUserError(error, `source ${source.name}`).text(ctx.lang) };
  }
}

/** The sources, side by side by lane (sideBySide); a progress bar is for the first source only. */
function runLanes(ctx: RunContext, selected: SourceConfig[]): Promise<SourceOutcome[]> {
  return sideBySide(ctx, selected, laneOf, (own, source, index) => runOne(index === 0 ? own : { ...own, progress: undefined }, source));
}

/**
 * Sources of one lane run one after the other, lanes side by side, each on a connection of its
 * own. Every kind that writes usage events shares one lane, since their duplicates are found
 * against committed rows; each other plugin writes tables of its own, and has a lane of its own.
 */
export function laneOf(source: SourceConfig): string {
  const plugin = findKind(source.kind)?.plugin;
  return plugin?.usageEvents ? "usage events" : (plugin?.name ?? source.kind);
}

/** A source of a foundation kind: loaded first on every run. */
function isFoundation(source: SourceConfig): boolean {
  return findKind(source.kind)?.plugin.foundation === true;
}

/**
 * The sources named in `only` (by name or kind), all of them without it, apart from the foundation,
 * which runs anyway; an unknown name is a usage error.
 */
export function selectSources(all: SourceConfig[], only: string[] | undefined): SourceConfig[] {
  const sources = all.filter((s) => !isFoundation(s));
  if (!only?.length) return sources;
  const unknown = only.filter((name) => !all.some((s) => s.name === name || s.kind === name));
  if (unknown.length > 0) {
    const known = sources.map((s) => `${s.name} (${s.kind})`).join(", ");
    throw new ImaginEcoleError({
      fr: `--only : source inconnue ${unknown.join(", ")}. Sources configurées : ${known}.`,
      en: `--only: unknown source ${unknown.join(", ")}. Configured sources: ${known}.`,
    }, EXIT.usage);
  }
  return sources.filter((s) => only.includes(s.name) || only.includes(s.kind));
}
