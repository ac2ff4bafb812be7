import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { XapiLrsSource } from "./settings.ts";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import type { RunContext } from "../../context/run-context.ts";
import { say } from "../../core/message.ts";
import { loadBatch, type LoadResult } from "../../warehouse/batch.ts";
import { sqlFile } from "../../warehouse/sql-file.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { latestStored, nextCursor } from "./cursor.ts";
import { writeStatementsFile, XAPI_SOURCE } from "./files.ts";
import { describeLoad } from "../usage/report.ts";
import { fetchStatementsPage, shown, type LrsCredentials, type LrsPage } from "./lrs-client.ts";
import { PagingGuard } from "./lrs-guard.ts";
import { XAPI_REASONS } from "./reasons.ts";
import type { RetryOptions, RetryWait } from "./retry.ts";

export const CURSOR_SOURCE = "xapi-lrs";
const DEFAULT_PAGE_SIZE = 500;
/** Statements per batch: each batch checks the whole history for repeats, so few large ones. */
const DEFAULT_BATCH_STATEMENTS = 50_000;

export interface LrsRunOptions {
  retry?: RetryOptions;
  /** Where the credentials' variables are read; the process environment by default. */
  env?: NodeJS.ProcessEnv;
  /** Statements fetched before they are loaded as one batch (pages are never split). */
  batchStatements?: number;
}

/**
 * Pulls what the LRS stored since the last run, page by page through `more`. Pages are staged
 * as NDJSON and loaded like an imported file, `batchStatements` at a time; the cursor moves in
 * the same transaction as the statements it covers, so a run interrupted anywhere resumes
 * without loss or duplicates. A `more` that leaves the LRS's origin or loops, and pages that
 * bring nothing new, stop the pull with an error (lrs-guard.ts); every wait between tries is
 * logged.
 */
export async function runXapiLrs(ctx: RunContext, source: XapiLrsSource, options: LrsRunOptions = {}): Promise<LoadResult[]> {
  const credentials = readCredentials(source, options.env ?? process.env);
  const endpoint = new URL(source.endpoint.replace(/\/+$/, "") + "/");
  const batchStatements = options.batchStatements ?? DEFAULT_BATCH_STATEMENTS;
  let committed = await readCursor(ctx.warehouse, source.name);
  let cursor = committed;
  let url = new URL("statements", endpoint);
  if (cursor) url.searchParams.set("since", cursor);
  url.searchParams.set("limit", String(source.pageSize ?? DEFAULT_PAGE_SIZE));
  url.searchParams.set("ascending", "true");

  const guard = new PagingGuard(endpoint);
  guard.asking(url);
  const retry: RetryOptions = { ...options.retry, onWait: (wait) => ctx.log(describeWait(ctx, source.name, wait)) };
  const staging = mkdtempSync(join(tmpdir(), "imaginecole-lrs-"));
  const file = join(staging, "batch.ndjson");
  const results: LoadResult[] = [];
  let pending: { location: string; statements: number } | null = null;
  let firstConsistentThrough: string | null | undefined;

  /** Loads what is staged, with the cursor reached so far; false when the batch failed. */
  const flush = async (): Promise<boolean> => {
    if (!pending) return true;
    const result = await loadStaged(ctx, source, file, pending.location, endpoint, cursor);
    results.push(result);
    pending = null;
    rmSync(file, { force: true });
    if (result.status === "failed") return false;
    if (!ctx.dryRun) committed = cursor;
    return true;
  };

  /** Loads what was pulled, then records why the pull stopped (a usage error is thrown instead). */
  const stop = async (location: string, error: unknown): Promise<void> => {
    const flushed = await flush();
    if (error instanceof ImaginEcoleError && error.exitCode === EXIT.usage) throw error;
    if (flushed) results.push(await recordFailure(ctx, location, error));
  };

  ctx.progress?.start(source.name);
  try {
    for (let complete = false; !complete; ) {
      const location = shown(url);
      let page: LrsPage;
      try {
        page = await fetchStatementsPage(url, credentials, retry);
        guard.page(page.statements);
      } catch (error) {
        await stop(location, error);
        break;
      }
      if (firstConsistentThrough === undefined) firstConsistentThrough = page.consistentThrough;
      complete = page.more === "" || page.statements.length === 0;
      cursor = nextCursor({
        previous: cursor,
        lastStored: latestStored(page.statements),
        consistentThrough: firstConsistentThrough,
        complete,
      });
      ctx.progress?.tick(page.statements.length);
      if (page.statements.length > 0) {
        appendFileSync(file, page.statements.map((s) => JSON.stringify(s)).join("\n") + "\n");
        pending ??= { location, statements: 0 };
        pending.statements += page.statements.length;
      }
      if (pending && (complete || pending.statements >= batchStatements)) {
        if (!(await flush())) break;
      } else if (!pending && complete && cursor !== committed && !ctx.dryRun) {
        await saveCursor(ctx.warehouse, source.name, cursor);
      }
      if (complete) break;
      try {
        url = guard.next(page.more);
      } catch (error) {
        await stop(location, error);
        break;
      }
    }
  } finally {
    ctx.progress?.stop();
    rmSync(staging, { recursive: true, force: true });
  }
  if (results.length === 0) ctx.log(say(ctx, { fr: `${source.name} : rien de nouveau.`, en: `${source.name}: nothing new.` }));
  return results;
}

/** A wait before another try at the LRS, for the run's log. */
function describeWait(ctx: RunContext, name: string, wait: RetryWait): string {
  const s = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);
  const capped = wait.askedMs !== null && wait.askedMs > wait.ms;
  return say(ctx, {
    fr: `${name} : LRS en difficulté (${wait.problem}), nouvel essai dans ${s(wait.ms)} (essai ${wait.attempt + 1} sur ${wait.attempts})${capped ? ` ; il demandait d'attendre ${s(wait.askedMs!)}, l'attente est limitée` : ""}.`,
    en: `${name}: LRS in trouble (${wait.problem}), trying again in ${s(wait.ms)} (try ${wait.attempt + 1} of ${wait.attempts})${capped ? `; it asked to wait ${s(wait.askedMs!)}, the wait is capped` : ""}.`,
  });
}

async function loadStaged(
  ctx: RunContext,
  source: XapiLrsSource,
  file: string,
  location: string,
  endpoint: URL,
  cursor: string | null,
): Promise<LoadResult> {
  const result = await loadBatch(
    ctx.warehouse,
    { source: XAPI_SOURCE, location },
    async (batch) => {
      const counts = await writeStatementsFile(batch, { path: file, shown: location, format: "ndjson", rules: source.country, now: ctx.now }, {
        source: XAPI_SOURCE,
        keyer: ctx.keyer,
        // A statement with an id is pointed at by the query that fetches it from the LRS.
        idLocationPrefix: `${shown(new URL("statements", endpoint))}?statementId=`,
        locationPrefix: `${location}#`,
        reasons: XAPI_REASONS,
      });
      await saveCursor(ctx.warehouse, source.name, cursor);
      return counts;
    },
    { dryRun: ctx.dryRun },
  );
  ctx.log(describeLoad(ctx, location, result));
  return result;
}

/** A request that failed for good is recorded in ops.loads like a failed batch. */
async function recordFailure(ctx: RunContext, location: string, error: unknown): Promise<LoadResult> {
  const failed = await loadBatch(
    ctx.warehouse,
    { source: XAPI_SOURCE, location },
    async () => {
      throw error;
    },
    { dryRun: ctx.dryRun },
  );
  ctx.log(describeLoad(ctx, location, failed));
  return failed;
}

function readCredentials(source: XapiLrsSource, env: NodeJS.ProcessEnv): LrsCredentials {
  const username = env[source.usernameEnv];
  const password = env[source.passwordEnv];
  if (!username || password === undefined) {
    throw new ImaginEcoleError({
      fr: `Identifiants du LRS absents pour la source ${source.name} : définissez les variables d'environnement ${source.usernameEnv} et ${source.passwordEnv}.`,
      en: `LRS credentials missing for the source ${source.name}: set the environment variables ${source.usernameEnv} and ${source.passwordEnv}.`,
    }, EXIT.usage);
  }
  return { username, password, usernameEnv: source.usernameEnv, passwordEnv: source.passwordEnv };
}

export async function readCursor(warehouse: Warehouse, key: string): Promise<string | null> {
  const value = await warehouse.scalar<string | undefined>(
    "SELECT value FROM ops.cursors WHERE source = $1 AND key = $2",
    [CURSOR_SOURCE, key],
  );
  return value ?? null;
}

async function saveCursor(warehouse: Warehouse, key: string, value: string | null): Promise<void> {
  if (value === null) return;
  await warehouse.run(sqlFile(import.meta.url, "sql/ops.cursors.sql"), { source: CURSOR_SOURCE, key, value });
}
