import { resolve } from "node:path";
import type { CountryRule, XapiFilesSource } from "../../config/pipelines.ts";
import type { RunContext } from "../../pipeline/context.ts";
import { loadBatch, type LoadResult } from "../../warehouse/batch.ts";
import { commitStage } from "./commit.ts";
import { checkCountryCode } from "./country-check.ts";
import { DEFAULT_COUNTRY_RULES } from "./country-rules.ts";
import { locationSeparator, sniffFormat } from "./file-format.ts";
import { displayPath, expandFiles, listFiles, sha256File } from "./folder.ts";
import { XAPI_REASONS } from "./reasons.ts";
import { describeLoad } from "./report.ts";
import { stageStatementsFile } from "./stage.ts";

export const XAPI_SOURCE = "xapi";
const STATEMENT_FILES = /\.(nd)?json$/i;

/** Every .json/.ndjson file of the source's folder, in name order, one batch each. */
export async function runXapiFiles(ctx: RunContext, source: XapiFilesSource): Promise<LoadResult[]> {
  const folder = resolve(ctx.root, source.path);
  return loadStatementFiles(ctx, listFiles(folder, STATEMENT_FILES), source.country);
}

/**
 * `imaginecole import FILE… --source xapi [--country XX]` (a folder stands for its .json/.ndjson
 * files): a named country applies to every statement; otherwise the given rules, else the
 * platform's own conventions.
 */
export async function importXapiFiles(
  ctx: RunContext,
  files: string[],
  options: { country?: string; rules?: CountryRule[] },
): Promise<LoadResult[]> {
  const rules: CountryRule[] = options.country
    ? [{ from: "fixed", country: await checkCountryCode(ctx.warehouse, options.country) }]
    : (options.rules ?? DEFAULT_COUNTRY_RULES);
  return loadStatementFiles(ctx, expandFiles(ctx.root, files, STATEMENT_FILES), rules);
}

async function loadStatementFiles(ctx: RunContext, paths: string[], rules: CountryRule[]): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  ctx.progress?.start("xAPI", paths.length);
  for (const path of paths) {
    ctx.progress?.tick();
    const shown = displayPath(ctx.root, path);
    const result = await loadBatch(
      ctx.warehouse,
      { source: XAPI_SOURCE, location: shown, contentSha256: await sha256File(path) },
      async (batch) => {
        const format = sniffFormat(path);
        await stageStatementsFile(ctx.warehouse, path, format, rules, shown);
        return commitStage(batch, {
          source: XAPI_SOURCE,
          keyer: ctx.keyer,
          locationPrefix: shown + locationSeparator(format),
          reasons: XAPI_REASONS,
        });
      },
      { dryRun: ctx.dryRun },
    );
    ctx.log(describeLoad(ctx, shown, result));
    results.push(result);
  }
  ctx.progress?.stop();
  return results;
}
