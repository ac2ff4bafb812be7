import type { RunContext } from "../../context/run-context.ts";
import { ImaginEcoleError, EXIT } from "../../core/errors.ts";
import { loadBatch, type LoadResult } from "../../warehouse/batch.ts";
import { recordSourceLocations } from "../../warehouse/source-locations.ts";
import type { TabContract } from "./contracts.ts";
import { contentHash, tidyGrid } from "./grid.ts";
import { parseTab, targetKey, type ParseEnv, type ParsedTab, type TabRecord } from "./parse-tab.ts";
import { plausibilityWarnings } from "./plausibility.ts";
import { statements } from "./sql.ts";
import type { Cell } from "./values.ts";

export const SOURCE = "sheet";
/** Bump when parsing or validation changes, so every tab is read again once. */
const RULES_VERSION = 3;

/** One tab as read from the API, an .xlsx or a .csv. */
export interface TabInput {
  /** ISO2 for a country tab; null for a tab of the regional sheet (Cibles, Commentaires). */
  country: string | null;
  /** Title as received (`Activites`, `Formateurs`…): rejects and Contrôles point at it. */
  title: string;
  contract: TabContract;
  grid: Cell[][];
  /** ops.loads.location: `<spreadsheetId>!<tab>`, or the file (and `!<tab>` inside an .xlsx). */
  location: string;
  /** When the spreadsheet or file was last edited (Drive's modifiedTime, the file's mtime). */
  editedAt?: Date | null;
  /** The tab's address in Google Sheets, for a spreadsheet read through the API. */
  url?: string | null;
}

export interface TabLoad {
  input: TabInput;
  parsed: ParsedTab;
  result: LoadResult;
}

/** Country code of the regional sheet in core.sheet_syncs and ops.cursors. */
export const REGIONAL = "regional";

const TABLE_SQL: Record<string, string> = {
  "core.trainers": "trainers",
  "core.training_sessions": "training_sessions",
  "core.resources": "resources",
  "core.activities": "activities",
  "core.month_approvals": "month_approvals",
  "core.targets": "targets",
  "core.comments": "comments",
};

/** Histories a table's replaced rows feed, so that the replace does not erase what was seen. */
const HISTORY_SQL: Record<string, string> = {
  "core.resources": "resource_status_history",
};

/**
 * Validates one tab and, when its content changed since the last load, replaces that country's
 * rows for it in one batch. An unchanged tab is recorded as skipped; a tab that breaks its
 * contract fails as a whole and leaves core as it was.
 */
export async function loadTab(ctx: RunContext, input: TabInput, env: ParseEnv): Promise<TabLoad> {
  const grid = tidyGrid(input.grid);
  const parsed = parseTab(grid, input.title, input.contract, env);
  const scope = input.country ?? REGIONAL;
  const cursorKey = `${scope}:${input.contract.key}`;
  const sha = contentHash({
    rules: RULES_VERSION, scope, tab: input.contract.key, grid, phase: env.phase,
    missingTrainers: [...parsed.missingTrainers].sort(),
    today: parsed.dependsOnToday ? env.today : null,
    plausibility: env.plausibility ?? null,
    // A date-ahead warning moves with the calendar.
    day: env.plausibility?.date_far_ahead && input.contract.key === "activities" ? env.today : null,
  });
  const cursor = await ctx.warehouse.scalar<string | undefined>(
    "SELECT value FROM ops.cursors WHERE source = $1 AND key = $2", [SOURCE, cursorKey]);
  const unchanged = cursor === sha;
  // A tab changed back to content loaded long ago must load again, so only pass the hash when
  // either nothing changed (the batch is then skipped) or this content is new.
  const seenBefore = !unchanged && Number(await ctx.warehouse.scalar(
    "SELECT count(*) FROM ops.loads WHERE source = $1 AND content_sha256 = $2 AND status IN ('loaded', 'loaded_with_rejects')",
    [SOURCE, sha])) > 0;

  const result = await loadBatch(
    ctx.warehouse,
    { source: SOURCE, location: input.location, countryCode: input.country, contentSha256: seenBefore ? null : sha },
    async (batch) => {
      if (parsed.refused) throw new ImaginEcoleError({ fr: parsed.refused.fr, en: parsed.refused.en }, EXIT.failed);
      const [remove, insert] = statements(TABLE_SQL[input.contract.table]!);
      await ctx.warehouse.run(remove!, { country_code: input.country });
      // A column the tab does not have is NULL in every row.
      const absent = Object.fromEntries(input.contract.columns.map((column) => [column.key, null]));
      await ctx.warehouse.runForEach(insert!, parsed.records.map((record) => ({ ...absent, country_code: input.country, ...record, load_id: batch.loadId })));
      const history = HISTORY_SQL[input.contract.table];
      if (history) await ctx.warehouse.run(statements(history)[0]!, { country_code: input.country });
      for (const reject of parsed.rejects) batch.reject(reject);
      await recordChanges(ctx, scope, parsed, batch.loadId);
      await recordWarnings(ctx, scope, input.title, parsed, env, batch.loadId);
      await recordSync(ctx, scope, input.contract.title, parsed.latestDate, batch.loadId);
      if (input.country !== null) {
        await ctx.warehouse.run(statements("sheet_months")[0]!, {
          country_code: input.country, tab: input.contract.title, periods: parsed.months.join(","),
          load_id: batch.loadId, seen_at: ctx.now.toISOString(),
        });
      }
      await ctx.warehouse.run(statements("cursors")[0]!, {
        key: cursorKey, value: sha, updated_at: ctx.now.toISOString(),
      });
      return { rowsRead: parsed.rowsRead, rowsLoaded: parsed.records.length };
    },
    { dryRun: ctx.dryRun },
  );
  // A refused batch leaves the warehouse as it was, its dates included.
  if (!ctx.dryRun && result.status !== "failed") {
    await recordSourceLocations(ctx.warehouse, [{
      source: SOURCE, location: input.location, countryCode: input.country, editedAt: input.editedAt ?? null, url: input.url ?? null,
    }], ctx.now);
  }
  if (result.status === "skipped" && !ctx.dryRun) {
    await ctx.warehouse.run(
      "UPDATE core.sheet_syncs SET synced_at = CAST($1 AS TIMESTAMPTZ) WHERE country_code = $2 AND tab = $3",
      [ctx.now.toISOString(), scope, input.contract.title],
    );
  }
  return { input, parsed, result };
}

/** Row key of a record: its id, the target's key, or (comments) the row itself. */
function rowKey(parsed: ParsedTab, record: TabRecord, fingerprint: string): string {
  if (parsed.contract.key === "targets") return targetKey(record) ?? fingerprint;
  if (parsed.contract.key === "comments") return fingerprint;
  const id = record[parsed.contract.columns[0]!.key];
  return typeof id === "string" ? id : fingerprint;
}

/** Counts the rows added, changed and removed since the tab's last load, and keeps this load's rows for the next. */
async function recordChanges(ctx: RunContext, scope: string, parsed: ParsedTab, loadId: string): Promise<void> {
  const tab = parsed.contract.key;
  const before = new Map((await ctx.warehouse.all<{ row_key: string; fingerprint: string }>(
    "SELECT row_key, fingerprint FROM ops.sheet_rows WHERE country_code = $1 AND tab = $2", [scope, tab])).map((r) => [r.row_key, r.fingerprint]));
  const now = new Map<string, string>();
  for (const record of parsed.records) {
    const fingerprint = contentHash(record).slice(0, 32);
    now.set(rowKey(parsed, record, fingerprint), fingerprint);
  }
  let added = 0;
  let changed = 0;
  for (const [key, fingerprint] of now) {
    const old = before.get(key);
    if (old === undefined) added++;
    else if (old !== fingerprint) changed++;
  }
  const removed = [...before.keys()].filter((key) => !now.has(key)).length;
  const [clear, insert] = statements("sheet_rows");
  await ctx.warehouse.run(clear!, { country_code: scope, tab });
  await ctx.warehouse.run(insert!, { country_code: scope, tab, rows: JSON.stringify([...now].map(([k, f]) => ({ k, f }))) });
  await ctx.warehouse.run(statements("sheet_changes")[0]!, {
    load_id: loadId, country_code: scope, tab, rows_added: added, rows_changed: changed, rows_removed: removed,
  });
}

/** Replaces the tab's plausibility warnings with those of its rows as just loaded. */
async function recordWarnings(ctx: RunContext, scope: string, title: string, parsed: ParsedTab, env: ParseEnv, loadId: string): Promise<void> {
  const warnings = env.plausibility
    ? plausibilityWarnings({ scope, contract: parsed.contract, title, records: parsed.records, rowNumbers: parsed.rowNumbers, columns: parsed.columns }, env.plausibility, env.today)
    : [];
  const [clear, insert] = statements("plausibility_warnings");
  await ctx.warehouse.run(clear!, { country_code: scope, tab: parsed.contract.key });
  await ctx.warehouse.runForEach(insert!, warnings.map((w) => ({
    warning_id: w.warning_id, country_code: scope, tab: parsed.contract.key, row_number: w.row_number, location: w.location,
    rule_id: w.rule_id, evidence: JSON.stringify(w.evidence), fingerprint: w.fingerprint,
    message_fr: w.message.fr, message_en: w.message.en, load_id: loadId,
  })));
}

async function recordSync(ctx: RunContext, scope: string, tab: string, latest: string | null, loadId: string): Promise<void> {
  await ctx.warehouse.run(statements("sheet_syncs")[0]!, {
    country_code: scope, tab, synced_at: ctx.now.toISOString(),
    modified_at: latest ? `${latest}T00:00:00Z` : null, load_id: loadId,
  });
}
