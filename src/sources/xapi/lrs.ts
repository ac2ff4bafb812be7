import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { XapiLrsSource } from "../../config/pipelines.ts";
import { EXIT, ImaginEcoleError } from "../../errors.ts";
import { say, type RunContext } from "../../pipeline/context.ts";
import { loadBatch, type LoadResult } from "../../warehouse/batch.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { commitStage } from "./commit.ts";
import { latestStored, nextCursor } from "./cursor.ts";
import { describe, XAPI_SOURCE } from "./files.ts";
import { fetchStatementsPage, shown, type LrsCredentials, type LrsPage } from "./lrs-client.ts";
import { XAPI_REASONS } from "./reasons.ts";
import type { RetryOptions } from "./retry.ts";
import { runSqlFile } from "./sql.ts";
import { stageStatementsFile } from "./stage.ts";

export const CURSOR_SOURCE = "xapi-lrs";
const DEFAULT_PAGE_SIZE = 500;

export interface LrsRunOptions {
  retry?: RetryOptions;
  /** Where the credentials' variables are read; the process environment by default. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Pulls what the LRS stored since the last run, page by page through `more`. Each page is one
 * batch, staged as a file and loaded like an imported one; the cursor moves in the same
 * transaction, so a run interrupted anywhere resumes without loss or duplicates.
 */
export async function runXapiLrs(ctx: RunContext, source: XapiLrsSource, options: LrsRunOptions = {}): Promise<LoadResult[]> {
  const credentials = readCredentials(source, options.env ?? process.env);
  const endpoint = new URL(source.endpoint.replace(/\/+$/, "") + "/");
  let since = await readCursor(ctx.warehouse, source.name);
  let url = new URL("statements", endpoint);
  if (since) url.searchParams.set("since", since);
  url.searchParams.set("limit", String(source.pageSize ?? DEFAULT_PAGE_SIZE));
  url.searchParams.set("ascending", "true");

  const staging = mkdtempSync(join(tmpdir(), "imaginecole-lrs-"));
  const results: LoadResult[] = [];
  let firstConsistentThrough: string | null | undefined;
  try {
    for (let n = 1; ; n++) {
      const location = shown(url);
      let page: LrsPage;
      try {
        page = await fetchStatementsPage(url, credentials, options.retry);
      } catch (error) {
        if (error instanceof ImaginEcoleError && error.exitCode === EXIT.usage) throw error;
        const failed = await loadBatch(
          ctx.warehouse,
          { source: XAPI_SOURCE, location },
          async () => {
            throw error;
          },
          { dryRun: ctx.dryRun },
        );
        ctx.log(describe(ctx, location, failed));
        results.push(failed);
        break;
      }
      if (firstConsistentThrough === undefined) firstConsistentThrough = page.consistentThrough;
      const complete = page.more === "" || page.statements.length === 0;
      const cursor = nextCursor({
        previous: since,
        lastStored: latestStored(page.statements),
        consistentThrough: firstConsistentThrough,
        complete,
      });

      if (page.statements.length === 0) {
        if (cursor !== since && !ctx.dryRun) await saveCursor(ctx.warehouse, source.name, cursor);
        if (n === 1) ctx.log(say(ctx, `${source.name} : rien de nouveau.`, `${source.name}: nothing new.`));
        break;
      }

      const file = join(staging, `page-${n}.json`);
      writeFileSync(file, page.body);
      const result = await loadBatch(
        ctx.warehouse,
        { source: XAPI_SOURCE, location },
        async (batch) => {
          await stageStatementsFile(ctx.warehouse, file, "document", source.country);
          const counts = await commitStage(batch, {
            source: XAPI_SOURCE,
            keyer: ctx.keyer,
            locationPrefix: `${location}#`,
            reasons: XAPI_REASONS,
          });
          await saveCursor(ctx.warehouse, source.name, cursor);
          return counts;
        },
        { dryRun: ctx.dryRun },
      );
      rmSync(file, { force: true });
      ctx.log(describe(ctx, location, result));
      results.push(result);
      if (result.status === "failed" || complete) break;
      since = cursor;
      // `more` is relative to the host, not to the endpoint's path.
      url = new URL(page.more, endpoint.origin);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return results;
}

function readCredentials(source: XapiLrsSource, env: NodeJS.ProcessEnv): LrsCredentials {
  const username = env[source.usernameEnv];
  const password = env[source.passwordEnv];
  if (!username || password === undefined) {
    throw new ImaginEcoleError(
      `Identifiants du LRS absents pour la source ${source.name} : définissez les variables d'environnement ${source.usernameEnv} et ${source.passwordEnv}.`,
      `LRS credentials missing for the source ${source.name}: set the environment variables ${source.usernameEnv} and ${source.passwordEnv}.`,
      EXIT.usage,
    );
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
  await runSqlFile(warehouse, "ops.cursors", { source: CURSOR_SOURCE, key, value });
}
