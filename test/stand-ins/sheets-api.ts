/**
 * A Google Sheets API v4 stand-in: a real HTTP server on 127.0.0.1 that the production client
 * (`@googleapis/sheets` with `rootUrl`) talks to, for tests and the demo. Response shapes follow
 * the recordings in shared/fixtures/real/google_sheets (ragged rows, `values` absent on empty
 * ranges, whole-sheet ranges echoed at grid size, serial-number dates); error bodies are the
 * recorded ones. Formats are not modelled: FORMATTED_VALUE returns the stored value as text.
 */
import { readdirSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, extname, join } from "node:path";
import { readCsvGrid, readXlsxTabs, tabTitleFromFileName } from "../../src/sources/sheets/read-files.ts";
import { driveFilesGet } from "./drive-api.ts";

export type CellValue = string | number | boolean;

export interface GridRange {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

export interface StandInSheet {
  properties: {
    sheetId: number;
    title: string;
    index: number;
    sheetType: "GRID";
    gridProperties: { rowCount: number; columnCount: number; frozenRowCount?: number; frozenColumnCount?: number };
    hidden?: boolean;
  };
  /** Cells by row then column; holes are "" (what a cleared cell holds). */
  values: CellValue[][];
  /** Data validation rules set with setDataValidation, last one wins per range. */
  validations: { range: GridRange; rule: unknown }[];
}

export interface StandInSpreadsheet {
  spreadsheetId: string;
  properties: { title: string; locale: string; timeZone: string; autoRecalc: string };
  sheets: StandInSheet[];
  spreadsheetUrl: string;
  /** What Drive's files.get gives as modifiedTime: set on creation and by every write. */
  modifiedTime: string;
}

/** A programmed failure: the next `times` requests that match get this status and body. */
export interface Fault {
  status: 400 | 403 | 404 | 429 | 500 | 503;
  /** 429 only: Google front-ends sometimes answer with an HTML page. */
  body?: "json" | "html";
  /** 403 only: which recorded 403 (not shared, or the API disabled in the project). */
  reason?: "permission" | "service_disabled";
  method?: string;
  /** Matches when the request path contains this (a spreadsheet id, `values:batchGet`…). */
  pathIncludes?: string;
  times?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Claims of the bearer JWT (self-signed service-account tokens carry iss, scope, aud). */
  claims: Record<string, unknown> | null;
}

export interface SheetsApiStandIn {
  url: string;
  close(): Promise<void>;
  spreadsheets: Map<string, StandInSpreadsheet>;
  faults: Fault[];
  requests: RecordedRequest[];
  /** Adds a spreadsheet whose tabs hold the given rows (row 1 first). */
  addSpreadsheet(id: string, title: string, tabs: Record<string, CellValue[][]>): StandInSpreadsheet;
  /** The rows of a tab as stored, trailing empties trimmed like the API does. */
  tabValues(id: string, title: string): CellValue[][];
  /**
   * Turns sheet downloads laid out as `<folder>/<ISO2>/` and `<folder>/regional/` (the demo's)
   * into spreadsheets, CSV text entered as a person would type it; returns their ids.
   */
  addSpreadsheetsFromFolder(folder: string): Promise<{ spreadsheets: Record<string, string>; regional?: string }>;
}

export interface StandInOptions {
  /** Answer 401 to requests without a bearer token, as Google does. Default true. */
  requireAuth?: boolean;
}

// Recorded bodies (shared/fixtures/real/google_sheets, sources in SOURCES.md).
const ERROR_429 = {
  error: {
    code: 429,
    message: "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:603366585132'.",
    status: "RESOURCE_EXHAUSTED",
    details: [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        reason: "RATE_LIMIT_EXCEEDED",
        domain: "googleapis.com",
        metadata: {
          quota_limit_value: "60",
          service: "sheets.googleapis.com",
          consumer: "projects/603366585132",
          quota_unit: "1/min/{project}/{user}",
          quota_location: "global",
          quota_metric: "sheets.googleapis.com/read_requests",
          quota_limit: "ReadRequestsPerMinutePerUser",
        },
      },
      {
        "@type": "type.googleapis.com/google.rpc.Help",
        links: [{ description: "Request a higher quota limit.", url: "https://cloud.google.com/docs/quotas/help/request_increase" }],
      },
    ],
  },
};
const ERROR_429_HTML = `<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/><title>Sorry...</title><style> body { font-family: verdana, arial, sans-serif; background-color: #fff; color: #000; }</style></head><body><div><table><tr><td><b><font face=sans-serif size=10><font color=#4285f4>G</font><font color=#ea4335>o</font><font color=#fbbc05>o</font><font color=#4285f4>g</font><font color=#34a853>l</font><font color=#ea4335>e</font></font></b></td><td style="text-align: left; vertical-align: bottom; padding-bottom: 15px; width: 50%"><div style="border-bottom: 1px solid #dfdfdf;">Sorry...</div></td></tr></table></div><div style="margin-left: 4em;"><h1>We're sorry...</h1><p>... but your computer or network may be sending automated queries. To protect our users, we can't process your request right now.</p></div><div style="margin-left: 4em;">See <a href="https://support.google.com/websearch/answer/86640">Google Help</a> for more information.<br/><br/></div><div style="text-align: center; border-top: 1px solid #dfdfdf;"><a href="https://www.google.com">Google Home</a></div></body></html>
`;
const ERROR_403 = { error: { code: 403, message: "The caller does not have permission", status: "PERMISSION_DENIED" } };
const ERROR_403_DISABLED = {
  error: {
    code: 403,
    message: "Google Sheets API has not been used in project 1234567890 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=1234567890 then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.",
    status: "PERMISSION_DENIED",
    details: [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        reason: "SERVICE_DISABLED",
        domain: "googleapis.com",
        metadata: {
          serviceTitle: "Google Sheets API",
          consumer: "projects/1234567890",
          activationUrl: "https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=1234567890",
          containerInfo: "1234567890",
          service: "sheets.googleapis.com",
        },
      },
    ],
  },
};
const ERROR_404 = { error: { code: 404, message: "Requested entity was not found.", status: "NOT_FOUND" } };
const ERROR_500 = { error: { code: 500, message: "Internal error encountered.", status: "INTERNAL" } };
const ERROR_503 = { error: { code: 503, message: "The service is currently unavailable.", status: "UNAVAILABLE" } };
const ERROR_401 = {
  error: {
    code: 401,
    message: "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
    status: "UNAUTHENTICATED",
  },
};

/** The bodies the stand-in answers with, for tests that compare them to the recordings. */
export const RECORDED_BODIES = { ERROR_429, ERROR_429_HTML, ERROR_403, ERROR_403_DISABLED, ERROR_404 };

class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly statusText: string) {
    super(message);
  }
}

export async function startSheetsApi(options: StandInOptions = {}): Promise<SheetsApiStandIn> {
  const spreadsheets = new Map<string, StandInSpreadsheet>();
  const faults: Fault[] = [];
  const requests: RecordedRequest[] = [];
  let nextSheetId = 1_000_000;
  let nextSpreadsheet = 1;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (error instanceof ApiError) return sendJson(res, error.status, { error: { code: error.status, message: error.message, status: error.statusText } });
      sendJson(res, 500, ERROR_500);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const body = await readBody(req);
    const claims = bearerClaims(req.headers.authorization);
    requests.push({ method, path: url.pathname, query: url.searchParams, claims });

    const fault = takeFault(method, url.pathname);
    if (fault) return sendFault(res, fault);
    if ((options.requireAuth ?? true) && !req.headers.authorization?.startsWith("Bearer ")) return sendJson(res, 401, ERROR_401);

    const drive = driveFilesGet(url.pathname, url.searchParams, (id) => {
      const found = spreadsheets.get(id);
      return found && { id, name: found.properties.title, modifiedTime: found.modifiedTime };
    });
    if (drive) return sendJson(res, drive.status, drive.body);

    const path = url.pathname.replace(/^\/v4\/spreadsheets\/?/, "");
    if (path === "" && method === "POST") return sendJson(res, 200, create(body));
    const [head, ...rest] = path.split("/");
    const [rawId, action] = decodeURIComponent(head ?? "").split(":");
    const book = spreadsheets.get(rawId ?? "");
    if (!book) return sendJson(res, 404, ERROR_404);
    if (method !== "GET") book.modifiedTime = new Date().toISOString();

    if (rest.length === 0) {
      if (method === "GET" && !action) return sendJson(res, 200, publicView(book));
      if (method === "POST" && action === "batchUpdate") return sendJson(res, 200, batchUpdate(book, body));
    }
    if (rest[0]?.startsWith("values")) {
      const target = rest.length > 1 ? decodeURIComponent(rest.slice(1).join("/")) : rest[0];
      if (target === "values:batchGet" && method === "GET") {
        const ranges = url.searchParams.getAll("ranges");
        return sendJson(res, 200, { spreadsheetId: book.spreadsheetId, valueRanges: ranges.map((r) => getValues(book, r, url.searchParams)) });
      }
      if (target === "values:batchUpdate" && method === "POST") return sendJson(res, 200, valuesBatchUpdate(book, body));
      if (target === "values:batchClear" && method === "POST") {
        const ranges = (body.ranges as string[] | undefined) ?? [];
        return sendJson(res, 200, { spreadsheetId: book.spreadsheetId, clearedRanges: ranges.map((r) => clear(book, r)) });
      }
      const [range, rangeAction] = splitAction(target ?? "");
      if (!rangeAction && method === "GET") return sendJson(res, 200, getValues(book, range, url.searchParams));
      if (!rangeAction && method === "PUT") {
        return sendJson(res, 200, update(book, range, (body.values as CellValue[][]) ?? [], url.searchParams.get("valueInputOption")));
      }
      if (rangeAction === "clear" && method === "POST") return sendJson(res, 200, { spreadsheetId: book.spreadsheetId, clearedRange: clear(book, range) });
      if (rangeAction === "append" && method === "POST") {
        return sendJson(res, 200, append(book, range, (body.values as CellValue[][]) ?? [], url.searchParams.get("valueInputOption")));
      }
    }
    sendJson(res, 404, ERROR_404);
  }

  function takeFault(method: string, path: string): Fault | null {
    const index = faults.findIndex((f) => (!f.method || f.method === method) && (!f.pathIncludes || decodeURIComponent(path).includes(f.pathIncludes)));
    if (index < 0) return null;
    const fault = faults[index]!;
    const left = (fault.times ?? 1) - 1;
    if (left <= 0) faults.splice(index, 1);
    else fault.times = left;
    return fault;
  }

  function newSheet(title: string, index: number, props: Partial<StandInSheet["properties"]> = {}): StandInSheet {
    return {
      properties: {
        sheetId: props.sheetId ?? nextSheetId++,
        title,
        index,
        sheetType: "GRID",
        gridProperties: { rowCount: 1000, columnCount: 26, ...(props.gridProperties ?? {}) },
        ...(props.hidden ? { hidden: true } : {}),
      },
      values: [],
      validations: [],
    };
  }

  function newSpreadsheet(id: string, title: string): StandInSpreadsheet {
    return {
      spreadsheetId: id,
      properties: { title, locale: "fr_FR", timeZone: "Africa/Dakar", autoRecalc: "ON_CHANGE" },
      sheets: [],
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${id}/edit`,
      modifiedTime: new Date().toISOString(),
    };
  }

  function create(body: Record<string, unknown>): Omit<StandInSpreadsheet, "modifiedTime"> {
    const id = `standin-${String(nextSpreadsheet++).padStart(4, "0")}-${Math.random().toString(36).slice(2, 10)}`;
    const props = (body.properties as { title?: string } | undefined) ?? {};
    const book = newSpreadsheet(id, props.title ?? "Untitled spreadsheet");
    const sheets = (body.sheets as { properties?: Partial<StandInSheet["properties"]> }[] | undefined) ?? [];
    if (sheets.length === 0) book.sheets.push(newSheet("Sheet1", 0, { sheetId: 0 }));
    sheets.forEach((s, i) => book.sheets.push(newSheet(s.properties?.title ?? `Sheet${i + 1}`, i, { ...s.properties, sheetId: s.properties?.sheetId ?? (i === 0 ? 0 : undefined) })));
    spreadsheets.set(id, book);
    return publicView(book);
  }

  function batchUpdate(book: StandInSpreadsheet, body: Record<string, unknown>): unknown {
    const before = structuredClone(book.sheets);
    const replies: unknown[] = [];
    try {
      for (const [i, request] of ((body.requests as Record<string, any>[] | undefined) ?? []).entries()) {
        replies.push(applyRequest(book, request, i));
      }
    } catch (error) {
      book.sheets = before; // a batchUpdate applies all of its requests or none
      throw error;
    }
    return { spreadsheetId: book.spreadsheetId, replies };
  }

  function applyRequest(book: StandInSpreadsheet, request: Record<string, any>, i: number): unknown {
    const [kind, args] = Object.entries(request)[0] ?? [];
    const invalid = (message: string) => new ApiError(400, `Invalid requests[${i}].${kind}: ${message}`, "INVALID_ARGUMENT");
    switch (kind) {
      case "addSheet": {
        const props = args.properties ?? {};
        const title: string = props.title ?? `Sheet${book.sheets.length + 1}`;
        if (book.sheets.some((s) => s.properties.title === title)) throw invalid(`A sheet with the name "${title}" already exists. Please enter another name.`);
        if (props.sheetId !== undefined && book.sheets.some((s) => s.properties.sheetId === props.sheetId)) throw invalid(`Sheet with id ${props.sheetId} already exists.`);
        const sheet = newSheet(title, props.index ?? book.sheets.length, props);
        book.sheets.splice(sheet.properties.index, 0, sheet);
        book.sheets.forEach((s, index) => (s.properties.index = index));
        return { addSheet: { properties: sheet.properties } };
      }
      case "deleteSheet": {
        book.sheets = book.sheets.filter((s) => s.properties.sheetId !== args.sheetId);
        return {};
      }
      case "updateSheetProperties": {
        const sheet = sheetById(book, args.properties?.sheetId, invalid);
        const { gridProperties, ...rest } = args.properties ?? {};
        Object.assign(sheet.properties, rest);
        Object.assign(sheet.properties.gridProperties, gridProperties ?? {});
        return {};
      }
      case "setDataValidation": {
        const sheet = sheetById(book, args.range?.sheetId, invalid);
        const grid = sheet.properties.gridProperties;
        if ((args.range?.endRowIndex ?? 0) > grid.rowCount || (args.range?.endColumnIndex ?? 0) > grid.columnCount) {
          throw invalid(`Range ${JSON.stringify(args.range)} exceeds grid limits. Max rows: ${grid.rowCount}, max columns: ${grid.columnCount}`);
        }
        sheet.validations = sheet.validations.filter((v) => JSON.stringify(v.range) !== JSON.stringify(args.range));
        if (args.rule) sheet.validations.push({ range: args.range, rule: args.rule });
        return {};
      }
      case "updateCells": {
        const anchor: GridRange = args.range ?? { sheetId: args.start?.sheetId, startRowIndex: args.start?.rowIndex, startColumnIndex: args.start?.columnIndex };
        const sheet = sheetById(book, anchor.sheetId, invalid);
        const rows: CellValue[][] = ((args.rows as { values?: { userEnteredValue?: Record<string, CellValue> }[] }[] | undefined) ?? [])
          .map((r) => (r.values ?? []).map((c) => (c.userEnteredValue ? Object.values(c.userEnteredValue)[0] ?? "" : "")));
        const top = anchor.startRowIndex ?? 0;
        const left = anchor.startColumnIndex ?? 0;
        const grid = sheet.properties.gridProperties;
        const lastRow = top + rows.length - 1;
        const lastColumn = left + Math.max(0, ...rows.map((r) => r.length)) - 1;
        // Unlike values writes, cell requests never grow the grid.
        if (lastRow >= grid.rowCount) throw invalid(`GridCoordinate.rowIndex[${lastRow}] is after last row in grid[${grid.rowCount - 1}]`);
        if (lastColumn >= grid.columnCount) throw invalid(`GridCoordinate.columnIndex[${lastColumn}] is after last column in grid[${grid.columnCount - 1}]`);
        if (args.range && String(args.fields ?? "").match(/userEnteredValue|\*/)) {
          // With a range, cells of the range not covered by `rows` are cleared (API reference, UpdateCellsRequest).
          const bottom = Math.min(anchor.endRowIndex ?? grid.rowCount, sheet.values.length);
          for (let r = top; r < bottom; r++) {
            const row = sheet.values[r]!;
            const right = Math.min(anchor.endColumnIndex ?? row.length, row.length);
            for (let c = left; c < right; c++) row[c] = "";
          }
        }
        rows.forEach((row, r) => row.forEach((value, c) => setCell(sheet, top + r, left + c, value)));
        return {};
      }
      case "repeatCell":
      case "updateDimensionProperties":
      case "autoResizeDimensions":
      case "updateSpreadsheetProperties":
        return {};
      default:
        throw invalid("request kind not supported by the stand-in");
    }
  }

  function sheetById(book: StandInSpreadsheet, sheetId: number | undefined, invalid: (m: string) => Error): StandInSheet {
    const sheet = book.sheets.find((s) => s.properties.sheetId === (sheetId ?? 0));
    if (!sheet) throw invalid(`No grid with id: ${sheetId ?? 0}`);
    return sheet;
  }

  function resolveRange(book: StandInSpreadsheet, range: string): { sheet: StandInSheet; area: Area } {
    const parsed = parseA1(range);
    const sheet = parsed.sheet === null ? book.sheets[0] : book.sheets.find((s) => s.properties.title === parsed.sheet);
    if (!sheet || !parsed.area) throw new ApiError(400, `Unable to parse range: ${range}`, "INVALID_ARGUMENT");
    return { sheet, area: parsed.area };
  }

  function getValues(book: StandInSpreadsheet, range: string, query: URLSearchParams): unknown {
    const { sheet, area } = resolveRange(book, range);
    const grid = sheet.properties.gridProperties;
    const top = area.top ?? 0;
    const left = area.left ?? 0;
    const bottom = Math.min(area.bottom ?? grid.rowCount - 1, grid.rowCount - 1);
    const right = Math.min(area.right ?? grid.columnCount - 1, grid.columnCount - 1);
    const unformatted = query.get("valueRenderOption") === "UNFORMATTED_VALUE" || query.get("valueRenderOption") === "FORMULA";
    const rows: CellValue[][] = [];
    for (let r = top; r <= bottom; r++) {
      const row = (sheet.values[r] ?? []).slice(left, right + 1).map((v) => (unformatted || typeof v === "string" ? v : String(v)));
      while (row.length > 0 && row[row.length - 1] === "") row.pop();
      rows.push(row);
    }
    while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
    const echoed = `${quoteTitle(sheet.properties.title)}!${a1(top, left)}${bottom === top && right === left ? "" : `:${a1(bottom, right)}`}`;
    return rows.length > 0 ? { range: echoed, majorDimension: "ROWS", values: rows } : { range: echoed, majorDimension: "ROWS" };
  }

  function write(sheet: StandInSheet, top: number, left: number, values: CellValue[][], inputOption: string | null): string {
    values.forEach((row, r) => row.forEach((value, c) => setCell(sheet, top + r, left + c, inputOption === "USER_ENTERED" ? userEntered(value) : value)));
    const width = Math.max(1, ...values.map((r) => r.length));
    return `${quoteTitle(sheet.properties.title)}!${a1(top, left)}:${a1(top + Math.max(values.length, 1) - 1, left + width - 1)}`;
  }

  function update(book: StandInSpreadsheet, range: string, values: CellValue[][], inputOption: string | null): unknown {
    if (!inputOption) throw new ApiError(400, "'valueInputOption' is required but not specified", "INVALID_ARGUMENT");
    const { sheet, area } = resolveRange(book, range);
    const updatedRange = write(sheet, area.top ?? 0, area.left ?? 0, values, inputOption);
    return { spreadsheetId: book.spreadsheetId, updatedRange, updatedRows: values.length, updatedCells: values.reduce((n, r) => n + r.length, 0) };
  }

  function valuesBatchUpdate(book: StandInSpreadsheet, body: Record<string, unknown>): unknown {
    const inputOption = (body.valueInputOption as string | undefined) ?? null;
    const responses = ((body.data as { range: string; values: CellValue[][] }[] | undefined) ?? []).map((d) => update(book, d.range, d.values ?? [], inputOption));
    return { spreadsheetId: book.spreadsheetId, totalUpdatedRows: responses.length, responses };
  }

  function clear(book: StandInSpreadsheet, range: string): string {
    const { sheet, area } = resolveRange(book, range);
    const bottom = area.bottom ?? sheet.values.length - 1;
    for (let r = area.top ?? 0; r <= bottom; r++) {
      const row = sheet.values[r];
      if (!row) continue;
      const right = area.right ?? row.length - 1;
      for (let c = area.left ?? 0; c <= right; c++) if (c < row.length) row[c] = "";
    }
    return `${quoteTitle(sheet.properties.title)}!${a1(area.top ?? 0, area.left ?? 0)}:${a1(Math.max(bottom, 0), area.right ?? sheet.properties.gridProperties.columnCount - 1)}`;
  }

  function append(book: StandInSpreadsheet, range: string, values: CellValue[][], inputOption: string | null): unknown {
    if (!inputOption) throw new ApiError(400, "'valueInputOption' is required but not specified", "INVALID_ARGUMENT");
    const { sheet, area } = resolveRange(book, range);
    let last = sheet.values.length - 1;
    while (last >= 0 && (sheet.values[last] ?? []).every((v) => v === "")) last--;
    const updatedRange = write(sheet, last + 1, area.left ?? 0, values, inputOption);
    return { spreadsheetId: book.spreadsheetId, tableRange: `${quoteTitle(sheet.properties.title)}!A1:${a1(Math.max(last, 0), 25)}`, updates: { spreadsheetId: book.spreadsheetId, updatedRange, updatedRows: values.length } };
  }

  function addSpreadsheet(id: string, title: string, tabs: Record<string, CellValue[][]>): StandInSpreadsheet {
    const book = newSpreadsheet(id, title);
    Object.entries(tabs).forEach(([tab, rows], index) => {
      const sheet = newSheet(tab, index, { sheetId: index === 0 ? 0 : undefined });
      rows.forEach((row, r) => row.forEach((value, c) => setCell(sheet, r, c, value)));
      book.sheets.push(sheet);
    });
    spreadsheets.set(id, book);
    return book;
  }

  function tabValues(id: string, title: string): CellValue[][] {
    const book = spreadsheets.get(id);
    const sheet = book?.sheets.find((s) => s.properties.title === title);
    if (!book || !sheet) throw new Error(`stand-in: no tab ${title} in ${id}`);
    return ((getValues(book, quoteTitle(title), new URLSearchParams({ valueRenderOption: "UNFORMATTED_VALUE" })) as { values?: CellValue[][] }).values) ?? [];
  }

  async function addSpreadsheetsFromFolder(folder: string): Promise<{ spreadsheets: Record<string, string>; regional?: string }> {
    const ids: { spreadsheets: Record<string, string>; regional?: string } = { spreadsheets: {} };
    for (const name of readdirSync(folder).sort()) {
      const dir = join(folder, name);
      if (!statSync(dir).isDirectory()) continue;
      const tabs: Record<string, CellValue[][]> = {};
      let title = name;
      for (const file of readdirSync(dir).sort()) {
        const path = join(dir, file);
        if (extname(file) === ".xlsx") {
          title = basename(file, ".xlsx");
          for (const tab of await readXlsxTabs(path)) tabs[tab.title] = tab.grid.map((row) => row.map((c) => c ?? ""));
        } else if (extname(file) === ".csv") {
          const tab = tabTitleFromFileName(path);
          if (!tab) continue;
          title = basename(file, ".csv").split(" - ")[0] ?? title;
          tabs[tab] = readCsvGrid(path).map((row) => row.map((c) => userEntered(String(c ?? ""))));
        }
      }
      const regional = name.toLowerCase() === "regional";
      const id = `demo-${name.toLowerCase()}`;
      addSpreadsheet(id, title, tabs);
      if (regional) ids.regional = id;
      else ids.spreadsheets[name.toUpperCase()] = id;
    }
    return ids;
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
    spreadsheets,
    faults,
    requests,
    addSpreadsheet,
    tabValues,
    addSpreadsheetsFromFolder,
  };
}

function setCell(sheet: StandInSheet, r: number, c: number, value: CellValue): void {
  while (sheet.values.length <= r) sheet.values.push([]);
  const row = sheet.values[r]!;
  while (row.length <= c) row.push("");
  row[c] = value;
  const grid = sheet.properties.gridProperties;
  grid.rowCount = Math.max(grid.rowCount, r + 1);
  grid.columnCount = Math.max(grid.columnCount, c + 1);
}

/** USER_ENTERED as a fr_FR spreadsheet reads it: numbers, TRUE/FALSE, dd/mm/yyyy dates as serials. */
function userEntered(value: CellValue): CellValue {
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (/^-?\d+([.,]\d+)?$/.test(text)) return Number(text.replace(",", "."));
  if (/^(true|vrai)$/i.test(text)) return true;
  if (/^(false|faux)$/i.test(text)) return false;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) return (Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])) - Date.UTC(1899, 11, 30)) / 86_400_000;
  return value;
}

interface Area {
  top?: number;
  left?: number;
  bottom?: number;
  right?: number;
}

/** `'Tab name'!A1:D4`, `Tab!A:A`, `Tab`, `A1:B2` (first sheet). */
export function parseA1(range: string): { sheet: string | null; area: Area | null } {
  let sheet: string | null = null;
  let cells = range;
  const quoted = /^'((?:[^']|'')*)'(?:!(.*))?$/.exec(range);
  if (quoted) {
    sheet = quoted[1]!.replace(/''/g, "'");
    cells = quoted[2] ?? "";
  } else if (range.includes("!")) {
    const at = range.lastIndexOf("!");
    sheet = range.slice(0, at);
    cells = range.slice(at + 1);
  } else if (!/^[A-Z]*\d*(:[A-Z]*\d*)?$/.test(range)) {
    sheet = range;
    cells = "";
  }
  if (cells === "") return { sheet, area: {} };
  const m = /^([A-Z]*)(\d*)(?::([A-Z]*)(\d*))?$/.exec(cells);
  if (!m) return { sheet, area: null };
  const col = (letters: string | undefined) => (letters ? [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 : undefined);
  const row = (digits: string | undefined) => (digits ? Number(digits) - 1 : undefined);
  const single = m[3] === undefined && m[4] === undefined;
  return {
    sheet,
    area: {
      top: row(m[2]), left: col(m[1]),
      bottom: single ? row(m[2]) : row(m[4]), right: single ? col(m[1]) : col(m[3]),
    },
  };
}

function a1(row: number, col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row + 1}`;
}

function quoteTitle(title: string): string {
  return /^[A-Za-z0-9_]+$/.test(title) ? title : `'${title.replace(/'/g, "''")}'`;
}

function splitAction(target: string): [string, string | undefined] {
  const m = /^(.*):(clear|append)$/.exec(target);
  return m ? [m[1]!, m[2]] : [target, undefined];
}

function publicView(book: StandInSpreadsheet): Omit<StandInSpreadsheet, "modifiedTime"> {
  const { modifiedTime: _drive, ...sheetsView } = book; // Drive's, not the Sheets API's
  return {
    ...sheetsView,
    sheets: book.sheets.map((s) => ({ properties: s.properties }) as StandInSheet),
  };
}

function bearerClaims(header: string | undefined): Record<string, unknown> | null {
  const token = header?.startsWith("Bearer ") ? header.slice(7) : null;
  const payload = token?.split(".")[1];
  if (!payload) return null;
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function sendFault(res: ServerResponse, fault: Fault): void {
  if (fault.status === 429 && fault.body === "html") {
    res.writeHead(429, { "content-type": "text/html; charset=UTF-8", "content-length": Buffer.byteLength(ERROR_429_HTML) });
    res.end(ERROR_429_HTML);
    return;
  }
  const bodies: Record<Fault["status"], unknown> = {
    400: { error: { code: 400, message: "Unable to parse range: NOPE!A5:F15", status: "INVALID_ARGUMENT" } },
    403: fault.reason === "service_disabled" ? ERROR_403_DISABLED : ERROR_403,
    404: ERROR_404,
    429: ERROR_429,
    500: ERROR_500,
    503: ERROR_503,
  };
  sendJson(res, fault.status, bodies[fault.status]);
}
