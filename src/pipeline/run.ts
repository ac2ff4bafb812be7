import type { PipelinesConfig, SourceConfig } from "../config/pipelines.ts";
import { ImaginEcoleError } from "../errors.ts";
import { loadCountries } from "../reference/countries.ts";
import type { LoadResult } from "../warehouse/batch.ts";
import { say, type RunContext } from "./context.ts";
import { runSource } from "./sources.ts";
import { refreshMart } from "./mart.ts";
import { resolve } from "node:path";
import { writeUsageLake } from "../lake/index.ts";

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
  const reference = await loadCountries(ctx, resolve(ctx.root, config.countries));
  const selected = config.sources.filter(
    (s) => !options.only?.length || options.only.includes(s.name) || options.only.includes(s.kind),
  );
  const sources: SourceOutcome[] = [];
  for (const source of selected) {
    ctx.log(say(ctx, `Source ${source.name} (${source.kind})…`, `Source ${source.name} (${source.kind})…`));
    try {
      sources.push({ source: source.name, kind: source.kind, results: await runSource(ctx, source) });
    } catch (error) {
      const message = error instanceof ImaginEcoleError ? error.text(ctx.lang) : String((error as Error)?.message ?? error);
      sources.push({ source: source.name, kind: source.kind, results: [], error: message });
    }
  }
  const changed = [reference, ...sources.flatMap((s) => s.results)].some(
    (r) => r.status === "loaded" || r.status === "loaded_with_rejects",
  );
  const martRebuilt = ctx.dryRun ? false : await refreshMart(ctx, config, changed);
  if (changed && !ctx.dryRun && config.lake) await writeUsageLake(ctx.warehouse, resolve(ctx.root, config.lake));
  return { sources, martRebuilt };
}
