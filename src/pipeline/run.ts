import { resolve } from "node:path";
import type { PipelinesConfig } from "../config/pipelines.ts";
import { EXIT, ImaginEcoleError } from "../core/errors.ts";
import { usageLakeIsStale, writeUsageLake } from "../lake/index.ts";
import { findKind, type SourceConfig } from "../sources/registry.ts";
import type { LoadResult } from "../warehouse/batch.ts";
import type { RunContext } from "../context/run-context.ts";
import { say } from "../core/message.ts";
import { refreshMart } from "../mart/refresh.ts";
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
  for (const source of [...config.sources.filter(isFoundation), ...selected]) {
    ctx.log(say(ctx, { fr: `Source ${source.name} (${source.kind})…`, en: `Source ${source.name} (${source.kind})…` }));
    try {
      sources.push({ source: source.name, kind: source.kind, results: await runSource(ctx, source) });
    } catch (error) {
      const message = error instanceof ImaginEcoleError ? error.text(ctx.lang) : String((error as Error)?.message ?? error);
      sources.push({ source: source.name, kind: source.kind, results: [], error: message });
      if (isFoundation(source)) return { sources, martRebuilt: false };
    }
  }
  const changed = sources.filter((s) => s.results.some((r) => r.status === "loaded" || r.status === "loaded_with_rejects"));
  if (ctx.dryRun) return { sources, martRebuilt: false };
  let martRebuilt = false;
  try {
    martRebuilt = await refreshMart(ctx, config, changed.length > 0);
  } catch (error) {
    return { sources, martRebuilt, derivedFailure: { output: "mart", error } };
  }
  // The lake copies usage events only: it is rewritten when a load of them marked it stale (in
  // this run or in one killed before), or when it is missing.
  try {
    const lake = config.lake ? resolve(ctx.root, config.lake) : undefined;
    if (lake && (await usageLakeIsStale(ctx.warehouse, lake))) {
      ctx.log(say(ctx, { fr: "Écriture de la copie Parquet des événements d'usage…", en: "Writing the Parquet copy of the usage events…" }));
      await writeUsageLake(ctx.warehouse, lake);
    }
  } catch (error) {
    return { sources, martRebuilt, derivedFailure: { output: "lake", error } };
  }
  return { sources, martRebuilt };
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
