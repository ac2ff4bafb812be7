import type { sheets_v4 } from "@googleapis/sheets";
import type { SheetsApiSource } from "./settings.ts";
import type { RunContext } from "../../context/run-context.ts";
import { ImaginEcoleError } from "../../core/errors.ts";
import { loadBatch, type LoadResult } from "../../warehouse/batch.ts";
import { createSheetsClient, explainApiError, readServiceAccountKey, type ClientOptions, type SheetsClient } from "./api-client.ts";
import { contractForTitle } from "./contracts.ts";
import { confirmedWarnings, controlsRows, type ControlIssue, type OpenWarning, type TabSummary } from "./controls.ts";
import { COUNTRY_TABS, REGIONAL_TABS } from "./contracts.ts";
import { readCountries, unknownCountry } from "../reference/lookup.ts";
import { same, type Bilingual } from "../../core/message.ts";
import type { Lang } from "../../core/lang.ts";
import { sqlFile } from "../../warehouse/sql-file.ts";
import type { StandingOf } from "../plugin.ts";
import { buildEnv, type SheetOptions } from "./env.ts";
import { REGIONAL, SOURCE } from "./load.ts";
import { splitReason } from "./parse-tab.ts";
import { CONTROLS_TITLE, loadSpreadsheet, type RawTab, type SpreadsheetLoad } from "./spreadsheet.ts";
import type { Cell } from "./values.ts";
import { say } from "../../core/message.ts";

export interface SheetsApiOptions extends SheetOptions, ClientOptions {}

interface ReadSpreadsheet {
  spreadsheetId: string;
  sheets: sheets_v4.Schema$SheetProperties[];
  tabs: RawTab[];
  /** The Contrôles tab as the team left it: the warnings it confirmed are read back. */
  controls: Cell[][];
}

/** A spreadsheet loaded this run, waiting for the mart so its Contrôles tab can say where the country stands. */
interface PendingReport {
  spreadsheetId: string;
  country: string | null;
  tabs: TabSummary[];
  issues: ControlIssue[];
}

/** Per run, per source: the reports to write once the mart is built. */
const pending = new WeakMap<RunContext, Map<string, PendingReport[]>>();

/**
 * Reads every configured spreadsheet (one batchGet each, Contrôles included), records the
 * warnings its team confirmed there, and loads its tabs. The Contrôles tab is written by
 * writeSheetsReports once the mart is built (the pipeline calls it), unless the country is
 * listed in noWriteBack.
 */
export async function runSheetsApi(ctx: RunContext, source: SheetsApiSource, options: SheetsApiOptions = {}): Promise<LoadResult[]> {
  const client = createSheetsClient(source, readServiceAccountKey(source, ctx.root), options);
  const env = await buildEnv(ctx, options);
  const books: [string | null, string][] = Object.entries(source.spreadsheets).map(([country, id]) => [country.toUpperCase(), id]);
  if (source.regional) books.push([null, source.regional]);

  const reports: PendingReport[] = [];
  const results: LoadResult[] = [];
  const countries = await readCountries(ctx);
  const known = new Set(countries.map((c) => c.country_code));
  for (const [country, spreadsheetId] of books) {
    if (country !== null && !known.has(country)) {
      const refused = unknownCountry(countries, country, { fr: `feuille ${spreadsheetId}, source « ${source.name} »`, en: `spreadsheet ${spreadsheetId}, source "${source.name}"` });
      ctx.log(refused.text(ctx.lang));
      results.push(await failedRead(ctx, country, spreadsheetId, refused));
      continue;
    }
    let read: ReadSpreadsheet;
    try {
      read = await readSpreadsheet(client, spreadsheetId);
    } catch (error) {
      const explained = explainApiError(error, { spreadsheetId, email: client.email, what: country ?? "Cibles" });
      ctx.log(explained.text(ctx.lang));
      results.push(await failedRead(ctx, country, spreadsheetId, explained));
      continue;
    }
    if (!ctx.dryRun) await recordConfirmations(ctx, country ?? REGIONAL, confirmedWarnings(read.controls));
    const editedAt = await lastEdited(ctx, client, spreadsheetId, country);
    const tabs = read.tabs.map((tab) => ({ ...tab, editedAt }));
    const loaded = await loadSpreadsheet(ctx, country, tabs, env, { expectAll: true });
    results.push(...loaded.loads.map((l) => l.result));
    if (ctx.dryRun || source.noWriteBack?.map((c) => c.toUpperCase()).includes(country ?? REGIONAL.toUpperCase())) continue;
    reports.push({ spreadsheetId, country, tabs: await tabSummaries(ctx, loaded), issues: await controlIssues(ctx, loaded) });
  }
  const bySource = pending.get(ctx) ?? new Map<string, PendingReport[]>();
  bySource.set(source.name, reports);
  pending.set(ctx, bySource);
  return results;
}

/**
 * Writes the Contrôles tab of every spreadsheet the last runSheetsApi of this context loaded:
 * per tab what was read, added, changed, removed and rejected; the country's standing and open
 * flags (from `standingOf`); the plausibility warnings not confirmed; the cells to fix. One
 * spreadsheets.get and one batchUpdate per spreadsheet; a failure is logged, the others go on.
 */
export async function writeSheetsReports(
  ctx: RunContext, source: SheetsApiSource, options: ClientOptions & { standingOf?: StandingOf } = {},
): Promise<void> {
  const reports = pending.get(ctx)?.get(source.name) ?? [];
  pending.get(ctx)?.delete(source.name);
  if (reports.length === 0) return;
  const client = createSheetsClient(source, readServiceAccountKey(source, ctx.root), options);
  const countries = await readCountries(ctx);
  for (const report of reports) {
    const scope = report.country ?? REGIONAL;
    try {
      await client.limiter.take();
      const book = await client.api.spreadsheets.get({
        spreadsheetId: report.spreadsheetId,
        fields: "properties(title,locale),sheets.properties(sheetId,title,index,gridProperties)",
      });
      const lang: Lang = (book.data.properties?.locale ?? "fr").toLowerCase().startsWith("en") ? "en" : "fr";
      const name = countries.find((c) => c.country_code === report.country);
      const warnings = await ctx.warehouse.all<OpenWarning>(sqlFile(import.meta.url, "sql/open_warnings.sql"), { country_code: scope });
      const confirmed = Number(await ctx.warehouse.scalar(
        "SELECT count(*) FROM ops.plausibility_warnings w JOIN ops.plausibility_confirmations c USING (warning_id, fingerprint) WHERE w.country_code = $1", [scope]));
      const rows = controlsRows({
        lang,
        place: report.country === null ? "Cibles" : (name ? (lang === "fr" ? name.name_fr : name.name_en) : report.country),
        lastSync: await lastSync(ctx, report.country),
        tabs: report.tabs,
        ...(report.country === null ? {} : { standing: options.standingOf ? await options.standingOf(report.country) : null }),
        warnings,
        confirmed,
        issues: report.issues,
      });
      const sheets = (book.data.sheets ?? []).map((s) => s.properties ?? {});
      await writeControls(client, report.spreadsheetId, sheets, rows);
    } catch (error) {
      ctx.log(explainApiError(error, { spreadsheetId: report.spreadsheetId, email: client.email, what: `${report.country ?? "Cibles"}, ${CONTROLS_TITLE}` }).text(ctx.lang));
    }
  }
}

/** Records the warnings a team confirmed in Contrôles, as they stand now (their values' fingerprint). */
async function recordConfirmations(ctx: RunContext, scope: string, ids: string[]): Promise<void> {
  for (const id of ids) {
    await ctx.warehouse.run(sqlFile(import.meta.url, "sql/plausibility_confirm.sql"), { warning_id: id, country_code: scope, confirmed_at: ctx.now.toISOString() });
  }
}

/** One spreadsheets.get for the tab titles, one values.batchGet for every template tab. */
export async function readSpreadsheet(client: SheetsClient, spreadsheetId: string): Promise<ReadSpreadsheet> {
  await client.limiter.take();
  const book = await client.api.spreadsheets.get({
    spreadsheetId,
    fields: "spreadsheetId,properties.title,sheets.properties(sheetId,title,index,gridProperties)",
  });
  const sheets = (book.data.sheets ?? []).map((s) => s.properties ?? {});
  const titles = sheets.map((p) => p.title ?? "").filter((t) => contractForTitle(t));
  const hasControls = sheets.some((p) => p.title === CONTROLS_TITLE);
  if (titles.length === 0 && !hasControls) return { spreadsheetId, sheets, tabs: [], controls: [] };
  await client.limiter.take();
  const values = await client.api.spreadsheets.values.batchGet({
    spreadsheetId,
    ranges: [...titles, ...(hasControls ? [CONTROLS_TITLE] : [])].map(quoteTitle),
    valueRenderOption: "UNFORMATTED_VALUE",
    dateTimeRenderOption: "SERIAL_NUMBER",
    majorDimension: "ROWS",
  });
  const ranges = values.data.valueRanges ?? [];
  const gid = new Map(sheets.map((p) => [p.title ?? "", p.sheetId ?? 0]));
  const tabs = titles.map((title, i) => ({
    title,
    // A tab with nothing in it comes back without `values`.
    grid: (ranges[i]?.values ?? []) as Cell[][],
    location: `${spreadsheetId}!${title}`,
    url: sheetTabUrl(spreadsheetId, gid.get(title) ?? 0),
  }));
  return { spreadsheetId, sheets, tabs, controls: hasControls ? ((ranges[titles.length]?.values ?? []) as Cell[][]) : [] };
}

/** The address of a Google Sheets tab; `&range=C12` after it opens on a cell. */
export function sheetTabUrl(spreadsheetId: string, gid: number): string {
  return `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit#gid=${gid}`;
}

/**
 * When the spreadsheet was last edited, by anyone: Drive's files.get modifiedTime, through the
 * same service account. The Sheets API has no such date. Without it (Drive API not enabled in
 * the project), the run goes on and the date stays unknown.
 */
async function lastEdited(ctx: RunContext, client: SheetsClient, spreadsheetId: string, country: string | null): Promise<Date | null> {
  try {
    await client.limiter.take();
    const file = await client.drive.files.get({ fileId: spreadsheetId, fields: "modifiedTime", supportsAllDrives: true });
    return file.data.modifiedTime ? new Date(file.data.modifiedTime) : null;
  } catch (error) {
    const status = (error as { response?: { status?: number } }).response?.status;
    const what = country ?? "Cibles";
    ctx.log(say(ctx, {
      fr: `Date de dernière modification inconnue pour la feuille ${spreadsheetId} (${what}) : l'API Google Drive a répondu ${status ?? "rien"}. Activez l'API Google Drive dans le projet du compte de service ${client.email} ; le chargement continue sans cette date.`,
      en: `Last edit date unknown for spreadsheet ${spreadsheetId} (${what}): the Google Drive API answered ${status ?? "nothing"}. Enable the Google Drive API in the project of service account ${client.email}; loading goes on without that date.`,
    }));
    return null;
  }
}

export function quoteTitle(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

async function failedRead(ctx: RunContext, country: string | null, spreadsheetId: string, error: ImaginEcoleError): Promise<LoadResult> {
  return loadBatch(ctx.warehouse, { source: SOURCE, location: spreadsheetId, countryCode: country }, async () => {
    throw error;
  }, { dryRun: ctx.dryRun });
}

/** Per template tab, in template order: what its load did this run, or that it is missing. */
async function tabSummaries(ctx: RunContext, loaded: SpreadsheetLoad): Promise<TabSummary[]> {
  const wanted = loaded.country === null ? REGIONAL_TABS : COUNTRY_TABS;
  const summaries: TabSummary[] = [];
  for (const contract of wanted) {
    const load = loaded.loads.find((l) => l.input.contract === contract);
    if (!load) {
      if (loaded.missing.includes(contract)) summaries.push({ title: contract.title, status: "missing", read: 0, loaded: 0, added: 0, changed: 0, removed: 0, rejected: 0 });
      continue;
    }
    const { parsed, result } = load;
    const changes = result.status === "loaded" || result.status === "loaded_with_rejects"
      ? await ctx.warehouse.one<{ rows_added: number; rows_changed: number; rows_removed: number }>(
        "SELECT rows_added, rows_changed, rows_removed FROM ops.sheet_changes WHERE load_id = $1", [result.loadId])
      : null;
    const failed = result.status === "failed";
    summaries.push({
      title: load.input.title,
      status: result.status,
      read: parsed.rowsRead,
      loaded: failed ? 0 : parsed.records.length,
      added: Number(changes?.rows_added ?? 0),
      changed: Number(changes?.rows_changed ?? 0),
      removed: Number(changes?.rows_removed ?? 0),
      rejected: failed ? parsed.rowsRead : parsed.rejects.length,
    });
  }
  return summaries;
}

/** Every open problem of a spreadsheet: this run's refusals, and the rejects of each tab's current load. */
async function controlIssues(ctx: RunContext, loaded: SpreadsheetLoad): Promise<ControlIssue[]> {
  const issues: ControlIssue[] = [];
  const scope = loaded.country ?? REGIONAL;
  const split = (text: Bilingual) => {
    const fr = splitReason(text.fr, "fr");
    const en = splitReason(text.en, "en");
    return { problem: { fr: fr.problem, en: en.problem }, fix: { fr: fr.fix, en: en.fix } };
  };
  for (const { input, parsed, result } of loaded.loads) {
    if (result.status === "failed") {
      const text = parsed.refused ?? (result.error instanceof ImaginEcoleError ? result.error.bilingual : same(result.message ?? ""));
      issues.push({ cell: `${input.title}!A1`, column: "", value: "", ...split(text) });
      continue;
    }
    const loadId = await ctx.warehouse.scalar<string | undefined>(
      "SELECT load_id FROM core.sheet_syncs WHERE country_code = $1 AND tab = $2", [scope, input.contract.title]);
    if (!loadId) continue;
    const rejects = await ctx.warehouse.all<{ location: string; column: string | null; value: string | null; reason_fr: string; reason_en: string }>(
      'SELECT location, "column", value, reason_fr, reason_en FROM ops.rejects WHERE load_id = $1', [loadId]);
    for (const r of rejects) issues.push({ cell: r.location, column: r.column ?? "", value: r.value ?? "", ...split({ fr: r.reason_fr, en: r.reason_en }) });
  }
  for (const contract of loaded.missing) {
    issues.push({
      cell: contract.title, column: "", value: "",
      problem: { fr: `L'onglet « ${contract.title} » est absent : rien n'est chargé pour lui.`, en: `Tab “${contract.title}” is missing: nothing is loaded for it.` },
      fix: {
        fr: `ajoutez l'onglet « ${contract.title} » avec les en-têtes du modèle (imaginecole sheets init le recrée).`,
        en: `add the tab “${contract.title}” with the template's headers (imaginecole sheets init recreates it).`,
      },
    });
  }
  return issues;
}

async function lastSync(ctx: RunContext, country: string | null): Promise<Date | null> {
  const value = await ctx.warehouse.scalar<Date | null>(
    "SELECT max(synced_at) FROM core.sheet_syncs WHERE country_code = $1", [country ?? REGIONAL]);
  return value ? new Date(value) : null;
}

/** Replaces the Contrôles tab's content (adding the tab if needed) in one spreadsheets.batchUpdate. */
async function writeControls(client: SheetsClient, spreadsheetId: string, sheets: sheets_v4.Schema$SheetProperties[], rows: string[][]): Promise<void> {
  const existing = sheets.find((s) => s.title === CONTROLS_TITLE);
  const sheetId = existing?.sheetId ?? freeSheetId(sheets);
  // Google refuses writes beyond the grid: a long list first grows the tab, a narrow tab widens.
  const rowCount = Math.max(1000, rows.length + 100);
  const columnCount = Math.max(26, ...rows.map((r) => r.length));
  const requests: sheets_v4.Schema$Request[] = [];
  if (!existing) {
    requests.push({ addSheet: { properties: { sheetId, title: CONTROLS_TITLE, index: sheets.length, gridProperties: { rowCount, columnCount, frozenRowCount: 4 } } } });
  } else if ((existing.gridProperties?.rowCount ?? 0) < rows.length || (existing.gridProperties?.columnCount ?? 0) < columnCount) {
    requests.push({
      updateSheetProperties: {
        properties: { sheetId, gridProperties: { rowCount: Math.max(rowCount, existing.gridProperties?.rowCount ?? 0), columnCount: Math.max(columnCount, existing.gridProperties?.columnCount ?? 0) } },
        fields: "gridProperties.rowCount,gridProperties.columnCount",
      },
    });
  }
  requests.push({
    updateCells: {
      range: { sheetId },
      fields: "userEnteredValue",
      rows: rows.map((row) => ({ values: row.map((text) => ({ userEnteredValue: { stringValue: text } })) })),
    },
  });
  await client.limiter.take();
  await client.api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } });
}

function freeSheetId(sheets: sheets_v4.Schema$SheetProperties[]): number {
  const used = new Set(sheets.map((s) => s.sheetId));
  let id = 777_000_001;
  while (used.has(id)) id++;
  return id;
}
