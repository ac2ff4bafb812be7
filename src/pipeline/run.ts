import { resolve } from "node:path";
import type { PipelinesConfig, SourceConfig } from "../config/pipelines.ts";
import { EXIT, ImaginEcoleError } from "../core/errors.ts";
import { writeUsageLake } from "../lake/index.ts";
import { loadCountries } from "../reference/countries.ts";
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
}

/**
 * Runs the configured sources once (or those named in `only`, by name or kind), then rebuilds the
 * mart when anything changed. A source that fails does not stop the others.
 */
export async function runPipelines(
  ctx: RunContext,
  config: PipelinesConfig,
  options: { only?: string[] } = {},
): Promise<RunOutcome> {
  const selected = selectSources(config.sources, options.only);
  const reference = await loadCountries(ctx, resolve(ctx.root, config.countries));
  const sources: SourceOutcome[] = [];
  for (const source of selected) {
    ctx.log(say(ctx, { fr: `Source ${source.name} (${source.kind})…`, en: `Source ${source.name} (${source.kind})…` }));
    try {
      sources.push({ source: source.name, kind: source.kind, results: await runSource(ctx, source) });
    } catch (error) {
      const message = error instanceof ImaginEcoleError ? error.text(ctx.lang) : String((error as Error)?.message ?? error);
      sources.push({ source: source.name, kind: source.kind, results: [], error: message });
    }
  }
  const loaded = [reference, ...sources.flatMap((s) => s.results)].filter(
    (r) => r.status === "loaded" || r.status === "loaded_with_rejects",
  );
  const martRebuilt = ctx.dryRun ? false : await refreshMart(ctx, config, loaded.length > 0);
  // The lake copies usage events only: other sources changing leaves it as it is.
  const usageChanged = loaded.some((r) => USAGE_SOURCES.includes(r.source));
  if (usageChanged && !ctx.dryRun && config.lake) await writeUsageLake(ctx.warehouse, resolve(ctx.root, config.lake));
  return { sources, martRebuilt };
}

const USAGE_SOURCES = ["xapi", "moodle-log"];

/** The sources named in `only` (by name or kind), all of them without it; an unknown name is a usage error. */
export function selectSources(sources: SourceConfig[], only: string[] | undefined): SourceConfig[] {
  if (!only?.length) return sources;
  const unknown = only.filter((name) => !sources.some((s) => s.name === name || s.kind === name));
  if (unknown.length > 0) {
    const known = sources.map((s) => `${s.name} (${s.kind})`).join(", ");
    throw new ImaginEcoleError({
      fr: `--only : source inconnue ${unknown.join(", ")}. Sources configurées : ${known}.`,
      en: `--only: unknown source ${unknown.join(", ")}. Configured sources: ${known}.`,
    }, EXIT.usage);
  }
  return sources.filter((s) => only.includes(s.name) || only.includes(s.kind));
}
