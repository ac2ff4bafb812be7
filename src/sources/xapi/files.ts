import { resolve } from "node:path";
import type { CountryRule, XapiFilesSource } from "../../config/pipelines.ts";
import type { RunContext } from "../../pipeline/context.ts";
import { contentHash } from "../../warehouse/content-hash.ts";
import { loadBatch, type BatchContext, type BatchCounts, type LoadResult } from "../../warehouse/batch.ts";
import { commitStatements, summarise, type CommitOptions } from "./commit.ts";
import { checkCountryCode } from "./country-check.ts";
import { DEFAULT_COUNTRY_RULES } from "./country-rules.ts";
import { locationSeparator, sniffFormat, type StatementsFormat } from "./file-format.ts";
import { displayPath, expandFiles, listFiles } from "./folder.ts";
import { XAPI_REASONS } from "./reasons.ts";
import { describeLoad } from "./report.ts";
import { ndjsonStatements, readingFile, STAGED, stageStatementsFile } from "./statements.ts";

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
      { source: XAPI_SOURCE, location: shown, contentSha256: await contentHash(ctx.warehouse, path, { remember: !ctx.dryRun }) },
      async (batch) => {
        const format = sniffFormat(path);
        return writeStatementsFile(batch, { path, shown, format, rules }, {
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

/**
 * Loads one statements file in the batch. NDJSON is first read straight from the file, in
 * parallel, twice (once to count and collect actors, once to insert): nothing is staged. A file
 * with any rejected statement, or in another layout, is staged in a TEMP table with line numbers
 * so that each reject says where it was.
 */
export async function writeStatementsFile(
  batch: BatchContext,
  file: { path: string; shown: string; format: StatementsFormat; rules: CountryRule[] },
  options: CommitOptions,
): Promise<BatchCounts> {
  const { warehouse } = batch;
  if (file.format === "ndjson") {
    const statements = await ndjsonStatements(warehouse, file.path, file.rules);
    const summary = await readingFile(file.shown, () => summarise(warehouse, statements));
    if (summary.rowsRejected === 0) return commitStatements(batch, statements, summary, options);
  }
  await stageStatementsFile(warehouse, file.path, file.format, file.rules, file.shown);
  return commitStatements(batch, STAGED, await summarise(warehouse, STAGED), options);
}
