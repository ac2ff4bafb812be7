import { resolve } from "node:path";
import type { CountryRule, XapiFilesSource } from "./settings.ts";
import type { RunContext } from "../../context/run-context.ts";
import { knownHash, modifiedAt, sha256File } from "../../warehouse/content-hash.ts";
import { type FileNotes, withFileNotes } from "../../warehouse/file-notes.ts";
import { underImportMemoryLimit } from "../../warehouse/memory-cap.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { loadBatch, type BatchContext, type BatchCounts, type LoadResult } from "../../warehouse/batch.ts";
import { commitIfClean, commitStatements, countActors, summarise, type CommitOptions, type Summary } from "../usage/commit.ts";
import { checkCountryCode } from "../usage/country-check.ts";
import { DEFAULT_COUNTRY_RULES } from "./country-rules.ts";
import { locationSeparator, sniffFormat, type StatementsFormat } from "./file-format.ts";
import { displayPath, expandFiles, listFiles } from "../usage/folder.ts";
import { XAPI_REASONS } from "./reasons.ts";
import { defineXapiMacros } from "../usage/macros.ts";
import { describeLoad } from "../usage/report.ts";
import { STAGED, type Statements } from "../usage/statements.ts";
import { checkEncoding } from "./file-encoding.ts";
import { checkLongestLine, type LongestLine, scanFile } from "../line-limit.ts";
import { ndjsonActors, ndjsonStatements, readingFile, stageStatementsFile } from "./statements.ts";

export const XAPI_SOURCE = "xapi";
const STATEMENT_FILES = /\.(nd)?json$/i;
/** Files over this size are imported under the import memory limit, so memory stays flat in their size. */
const LARGE_FILE_BYTES = 64n * 2n ** 20n;

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
    ? [{ from: "fixed", country: await checkCountryCode(ctx, options.country) }]
    : (options.rules ?? DEFAULT_COUNTRY_RULES);
  return loadStatementFiles(ctx, expandFiles(ctx.root, files, STATEMENT_FILES), rules);
}

function loadStatementFiles(ctx: RunContext, paths: string[], rules: CountryRule[]): Promise<LoadResult[]> {
  return withFileNotes(ctx.warehouse, ctx.now, (notes) => loadEach(ctx, paths, rules, notes));
}

async function loadEach(ctx: RunContext, paths: string[], rules: CountryRule[], notes: FileNotes): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  ctx.progress?.start("xAPI", paths.length);
  for (const path of paths) {
    ctx.progress?.tick();
    const shown = displayPath(ctx.root, path);
    // A new file is hashed, and an NDJSON file's lines measured, in one read while DuckDB reads
    // it on its own threads; the batch waits for them only before it commits. A batch that fails
    // first never waits: their own failure (an unreadable file) must not end the run.
    const known = await knownHash(ctx.warehouse, path);
    const format = sniffFormat(path);
    const hash = known.sha256 === undefined && !ctx.dryRun;
    const scan = format === "ndjson" ? settled(scanFile(path, hash)) : null;
    const file: StatementsFile = { path, shown, format, rules, now: ctx.now, ...(scan ? { longestLine: settled(scan.then((s) => s.longest)) } : {}) };
    const sha256 = known.sha256 ?? (!hash ? null : settled(scan ? scan.then((s) => s.sha256!) : sha256File(path)));
    const load = () =>
      loadBatch(
        ctx.warehouse,
        { source: XAPI_SOURCE, location: shown, contentSha256: sha256 },
        (batch) =>
          writeStatementsFile(batch, file, {
            source: XAPI_SOURCE,
            keyer: ctx.keyer,
            locationPrefix: shown + locationSeparator(file.format),
            reasons: XAPI_REASONS,
          }),
        { dryRun: ctx.dryRun, skipped: notes },
      );
    // Lowering the limit evicts what DuckDB holds in memory: only for a large file not seen before.
    const large = known.sha256 === undefined && known.size > LARGE_FILE_BYTES;
    const result = large ? await underImportMemoryLimit(ctx.warehouse, load) : await load();
    if (sha256 instanceof Promise && result.status !== "failed") notes.hash(known, await sha256);
    if (!ctx.dryRun && result.status !== "failed") notes.place({ source: XAPI_SOURCE, location: shown, editedAt: modifiedAt(known) });
    ctx.log(describeLoad(ctx, shown, result));
    results.push(result);
  }
  ctx.progress?.stop();
  return results;
}

/** A promise awaited later, or never when the batch fails first: its rejection is not left unhandled. */
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

export interface StatementsFile {
  path: string;
  /** The path as reports show it. */
  shown: string;
  format: StatementsFormat;
  rules: CountryRule[];
  /** Timestamps more than a day after this (or after their `stored`) are refused. */
  now: Date;
  /** NDJSON: its longest line, measured while DuckDB reads it (measured here when not given). */
  longestLine?: Promise<LongestLine>;
}

/**
 * NDJSON read straight from the file, counted and partly checked, its actors collected; undefined
 * for layouts that are always staged, and for a file with a statement already known to be refused.
 */
async function firstPass(warehouse: Warehouse, file: StatementsFile): Promise<{ statements: Statements; summary: Summary } | undefined> {
  if (file.format !== "ndjson") return undefined;
  const summary = await readingFile(file.shown, () => countActors(warehouse, ndjsonActors(file.path)));
  if (summary.defects > 0) return undefined;
  return { statements: await ndjsonStatements(warehouse, file.path, file.rules, file.now, summary.shape), summary };
}

/**
 * Loads one statements file in the batch. NDJSON is read straight from the file, in parallel,
 * twice (once to count, check what repeats and collect actors, once to check the rest and
 * insert): nothing is staged. A file with any rejected statement, or in another layout, is
 * staged in a TEMP table with line numbers, every statement checked, so that each reject says
 * where it was and why.
 */
export async function writeStatementsFile(
  batch: BatchContext,
  file: StatementsFile,
  options: CommitOptions,
): Promise<BatchCounts> {
  const { warehouse } = batch;
  checkEncoding(file.path, file.shown);
  // One statement per line: a line of megabytes is a damaged file (an array or a page may be one
  // line). Checked before the batch commits, and first when DuckDB fails, which such a line explains.
  const lines = file.format === "ndjson" ? (file.longestLine ?? settled(scanFile(file.path, false).then((s) => s.longest))) : null;
  const checkLines = async () => {
    if (lines) checkLongestLine(await lines, file.shown);
  };
  try {
    await defineXapiMacros(warehouse);
    const first = await firstPass(warehouse, file);
    const clean = first ? await commitIfClean(batch, first.statements, first.summary, options) : null;
    if (clean) {
      await checkLines();
      return clean;
    }
    await stageStatementsFile(warehouse, file.path, file.format, file.rules, file.now, file.shown);
    const counts = await commitStatements(batch, STAGED, await summarise(warehouse, STAGED), options);
    await checkLines();
    return counts;
  } catch (error) {
    await checkLines();
    throw error;
  }
}
