import type { sheets_v4 } from "@googleapis/sheets";
import type { SheetsApiSource } from "./settings.ts";
import type { RunContext } from "../../context/run-context.ts";
import { ImaginEcoleError } from "../../core/errors.ts";
import { loadBatch, type LoadResult } from "../../warehouse/batch.ts";
import { createSheetsClient, explainApiError, readServiceAccountKey, type ClientOptions, type SheetsClient } from "./api-client.ts";
import { contractForTitle } from "./contracts.ts";
import { controlsRows, type ControlIssue } from "./controls.ts";
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
}

/**
 * Reads every configured spreadsheet (one batchGet each), loads its tabs, then writes the
 * Contrôles tab back (one request each) unless the country is listed in noWriteBack.
 */
export async function runSheetsApi(ctx: RunContext, source: SheetsApiSource, options: SheetsApiOptions = {}): Promise<LoadResult[]> {
  const client = createSheetsClient(source, readServiceAccountKey(source, ctx.root), options);
  const env = await buildEnv(ctx, options);
  const books: [string | null, string][] = Object.entries(source.spreadsheets).map(([country, id]) => [country.toUpperCase(), id]);
  if (source.regional) books.push([null, source.regional]);

  const results: LoadResult[] = [];
  for (const [country, spreadsheetId] of books) {
    let read: ReadSpreadsheet;
    try {
      read = await readSpreadsheet(client, spreadsheetId);
    } catch (error) {
      const explained = explainApiError(error, { spreadsheetId, email: client.email, what: country ?? "Cibles" });
      ctx.log(explained.text(ctx.lang));
      results.push(await failedRead(ctx, country, spreadsheetId, explained));
      continue;
    }
    const editedAt = await lastEdited(ctx, client, spreadsheetId, country);
    const tabs = read.tabs.map((tab) => ({ ...tab, editedAt }));
    const loaded = await loadSpreadsheet(ctx, country, tabs, env, { expectAll: true });
    results.push(...loaded.loads.map((l) => l.result));
    if (ctx.dryRun || source.noWriteBack?.map((c) => c.toUpperCase()).includes(country ?? REGIONAL.toUpperCase())) continue;
    try {
      await writeControls(client, read, await controlIssues(ctx, loaded), await lastSync(ctx, country));
    } catch (error) {
      ctx.log(explainApiError(error, { spreadsheetId, email: client.email, what: `${country ?? "Cibles"}, ${CONTROLS_TITLE}` }).text(ctx.lang));
    }
  }
  return results;
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
  if (titles.length === 0) return { spreadsheetId, sheets, tabs: [] };
  await client.limiter.take();
  const values = await client.api.spreadsheets.values.batchGet({
    spreadsheetId,
    ranges: titles.map(quoteTitle),
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
  return { spreadsheetId, sheets, tabs };
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

/** Every open problem of a spreadsheet: this run's refusals, and the rejects of each tab's current load. */
async function controlIssues(ctx: RunContext, loaded: SpreadsheetLoad): Promise<ControlIssue[]> {
  const issues: ControlIssue[] = [];
  const scope = loaded.country ?? REGIONAL;
  for (const { input, parsed, result } of loaded.loads) {
    if (result.status === "failed") {
      const text = parsed.refused?.fr ?? (result.error instanceof ImaginEcoleError ? result.error.bilingual.fr : result.message ?? "");
      const { problem, fix } = splitReason(text);
      issues.push({ cell: `${input.title}!A1`, column: "", value: "", problem, fix });
      continue;
    }
    const loadId = await ctx.warehouse.scalar<string | undefined>(
      "SELECT load_id FROM core.sheet_syncs WHERE country_code = $1 AND tab = $2", [scope, input.contract.title]);
    if (!loadId) continue;
    const rejects = await ctx.warehouse.all<{ location: string; column: string | null; value: string | null; reason_fr: string }>(
      'SELECT location, "column", value, reason_fr FROM ops.rejects WHERE load_id = $1', [loadId]);
    for (const r of rejects) {
      const { problem, fix } = splitReason(r.reason_fr);
      issues.push({ cell: r.location, column: r.column ?? "", value: r.value ?? "", problem, fix });
    }
  }
  for (const contract of loaded.missing) {
    issues.push({
      cell: contract.title, column: "", value: "",
      problem: `L'onglet « ${contract.title} » est absent : rien n'est chargé pour lui.`,
      fix: `ajoutez l'onglet « ${contract.title} » avec les en-têtes du modèle (imaginecole sheets init le recrée).`,
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
async function writeControls(client: SheetsClient, read: ReadSpreadsheet, issues: ControlIssue[], synced: Date | null): Promise<void> {
  const existing = read.sheets.find((s) => s.title === CONTROLS_TITLE);
  const sheetId = existing?.sheetId ?? freeSheetId(read.sheets);
  const rows = controlsRows(synced, issues);
  // Google refuses writes beyond the grid: a long list first grows the tab.
  const rowCount = Math.max(1000, rows.length + 100);
  const requests: sheets_v4.Schema$Request[] = [];
  if (!existing) {
    requests.push({ addSheet: { properties: { sheetId, title: CONTROLS_TITLE, index: read.sheets.length, gridProperties: { rowCount, frozenRowCount: 5 } } } });
  } else if ((existing.gridProperties?.rowCount ?? 0) < rows.length) {
    requests.push({ updateSheetProperties: { properties: { sheetId, gridProperties: { rowCount } }, fields: "gridProperties.rowCount" } });
  }
  requests.push({
    updateCells: {
      range: { sheetId },
      fields: "userEnteredValue",
      rows: rows.map((row) => ({ values: row.map((text) => ({ userEnteredValue: { stringValue: text } })) })),
    },
  });
  await client.limiter.take();
  await client.api.spreadsheets.batchUpdate({ spreadsheetId: read.spreadsheetId, requestBody: { requests } });
}

function freeSheetId(sheets: sheets_v4.Schema$SheetProperties[]): number {
  const used = new Set(sheets.map((s) => s.sheetId));
  let id = 777_000_001;
  while (used.has(id)) id++;
  return id;
}
