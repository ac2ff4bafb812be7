import type { DuckDBValue } from "@duckdb/node-api";
import { sqlFile } from "../../sql.ts";
import type { BatchContext } from "../../warehouse/batch.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import type { Layout } from "./header.ts";
import { COUNT_FIELDS, FIELDS, type CountField, type Field, type NationalProfile } from "./profile.ts";
import { REASONS } from "./reasons.ts";
import { refusals } from "./refusals.ts";
import type { Scan } from "./scan.ts";

export const SOURCE = "national-csv";

export interface FileLoad {
  /** The file's name as rejects show it (`file.csv:17`). */
  file: string;
  country: string;
  profile: NationalProfile;
  scan: Scan;
  layout: Layout;
  /** Today in the platform's zone (yyyy-mm-dd): later days are refused. */
  today: string;
}

export interface FileOutcome {
  rowsRead: number;
  rowsLoaded: number;
  granularity: "day" | "month";
  /** Lines of the totals and summary rows that were recognised and skipped. */
  summaryLines: number[];
}

const TEMP_TABLES = [
  "national_csv_breaks",
  "national_csv_reasons",
  "national_csv_headers",
  "national_csv_file",
  "national_csv_checked",
  "national_csv_problems",
];

/**
 * Reads the UTF-8 file with DuckDB's CSV reader, every cell as text, then parses, checks and
 * merges whole columns in SQL: no row goes through JavaScript. Runs inside the batch transaction.
 */
export async function loadNationalRows(batch: BatchContext, input: FileLoad): Promise<FileOutcome> {
  const wh = batch.warehouse;
  const { layout, profile, scan } = input;
  await wh.run(sqlFile(import.meta.url, "national_csv_macros.sql"));
  try {
    await fillLookups(wh, input);
    const params: Record<string, DuckDBValue> = {
      path: scan.csvPath,
      delimiter: layout.delimiter,
      parallel: !scan.quotedNewlines,
      header_record: layout.headerRecord,
      day_first: layout.dayFirst,
      timezone: profile.timezone,
      date_format: profile.dateFormat,
      summary: summaryPattern(profile.summaryLabels),
      decimal: layout.decimal,
      platform: profile.platform,
      today: input.today,
      today_text: input.today.split("-").reverse().join("/"),
      country: input.country,
      load_id: batch.loadId,
      source: SOURCE,
      file: input.file,
    };
    await runFile(wh, rowsSql(layout), params);
    for (const statement of statements(dataSql(profile))) await runFile(wh, statement, params);
    await dropStaging(wh);

    const counts = await wh.one<{ read: number; summaries: number; months: number; days: number }>(
      `SELECT count(*) AS read,
              count(*) FILTER (WHERE summary) AS summaries,
              count(*) FILTER (WHERE month_label) AS months,
              count(*) FILTER (WHERE parsed_day IS NOT NULL AND NOT month_label) AS days
       FROM national_csv_checked`,
    );
    const read = counts?.read ?? 0;
    if (read - (counts?.summaries ?? 0) === 0) throw refusals.headerOnly(input.file, layout.headerLine);
    const granularity =
      profile.granularity !== "auto" ? profile.granularity : (counts?.months ?? 0) > 0 && (counts?.days ?? 0) === 0 ? "month" : "day";
    params.granularity = granularity;

    await runFile(wh, sqlFile(import.meta.url, "national_csv_problems.sql"), params);
    await runFile(wh, sqlFile(import.meta.url, "rejects.sql"), params);
    const loaded = Number(await wh.scalar(...bind(sqlFile(import.meta.url, "national_usage.sql"), params)));
    await runFile(wh, sqlFile(import.meta.url, "national_platforms.sql"), params);

    const summaryLines = await wh.all<{ line: number }>(
      `SELECT r.record + b.delta AS line FROM national_csv_checked r
       ASOF JOIN national_csv_breaks b ON r.record >= b.record WHERE r.summary ORDER BY line`,
    );
    return { rowsRead: read, rowsLoaded: loaded, granularity, summaryLines: summaryLines.map((r) => r.line) };
  } finally {
    await dropStaging(wh);
    for (const table of TEMP_TABLES) await wh.run(`DROP TABLE IF EXISTS temp.${table}`);
  }
}

/** The cells as read are no longer needed once checked: their memory goes back before the merge. */
async function dropStaging(wh: Warehouse): Promise<void> {
  await wh.run("DROP VIEW IF EXISTS temp.national_csv_data");
  await wh.run("DROP VIEW IF EXISTS temp.national_csv_days");
  await wh.run("DROP TABLE IF EXISTS temp.national_csv_rows");
}

/** The small tables the checks join to: record-to-line offsets, reason texts, file headers. */
async function fillLookups(wh: Warehouse, input: FileLoad): Promise<void> {
  await wh.run("CREATE OR REPLACE TEMP TABLE national_csv_breaks (record BIGINT, delta BIGINT)");
  await insertValues(wh, "national_csv_breaks", input.scan.breaks.map((b) => [b.record, b.delta]));
  await wh.run("CREATE OR REPLACE TEMP TABLE national_csv_reasons (code VARCHAR, reason_fr VARCHAR, reason_en VARCHAR)");
  await insertValues(wh, "national_csv_reasons", Object.entries(REASONS).map(([code, r]) => [code, r.fr, r.en]));
  await wh.run("CREATE OR REPLACE TEMP TABLE national_csv_headers (field VARCHAR, header VARCHAR)");
  await insertValues(
    wh,
    "national_csv_headers",
    FIELDS.flatMap((f) => (input.layout.columns[f] === undefined ? [] : [[f, input.layout.headers[input.layout.columns[f]!] ?? f]])),
  );
}

async function insertValues(wh: Warehouse, table: string, rows: DuckDBValue[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    const slice = rows.slice(start, start + 500);
    const width = slice[0]!.length;
    const tuples = slice.map((_, i) => `(${Array.from({ length: width }, (_, k) => `$${i * width + k + 1}`).join(", ")})`);
    await wh.run(`INSERT INTO ${table} VALUES ${tuples.join(", ")}`, slice.flat());
  }
}

/** The reading query for this file: which file column holds which field; the others are only declared. */
export function rowsSql(layout: Layout): string {
  const width = layout.headers.length + 1;
  const column = (field: Field) => (layout.columns[field] === undefined ? "NULL::VARCHAR" : `c${layout.columns[field]}`);
  const cells = [
    `${column("date")} AS date_raw`,
    "c0 AS first_raw",
    `${column("platform")} AS platform_raw`,
    `c${width - 1} AS overflow_raw`,
    ...COUNT_FIELDS.map((f) => `${column(f)} AS ${f}_raw`),
  ].join(", ");
  const columns = `{${Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`).join(", ")}}`;
  return sqlFile(import.meta.url, "national_csv_rows.sql").replace("{{cells}}", cells).replace("{{columns}}", columns);
}

/** The data view for this profile: each count a plain number, or a percentage of its base column. */
export function dataSql(profile: NationalProfile): string {
  const problem = (f: CountField, share: boolean) =>
    `national_csv_count_problem(${f}_raw, ${f}_value, ends_with(rtrim(${f}_raw), '%'), ${share})`;
  const counts = COUNT_FIELDS.map((f) => {
    const base = profile.percentOf[f];
    if (!base) return `${problem(f, false)} AS ${f}_problem,\n  TRY_CAST(${f}_value AS BIGINT) AS ${f}`;
    const baseProblem = `(${base}_value IS NULL OR ${problem(base, false)} IS NOT NULL)`;
    return (
      `coalesce(${problem(f, true)}, CASE WHEN ${f}_raw IS NOT NULL AND ${baseProblem} THEN 'share_without_base' END) AS ${f}_problem,\n  ` +
      `CASE WHEN NOT ${baseProblem} AND ${f}_value >= 0 THEN TRY_CAST(round(${f}_value / 100 * ${base}_value) AS BIGINT) END AS ${f}`
    );
  });
  return sqlFile(import.meta.url, "national_csv_data.sql").replace("{{counts}}", counts.join(",\n  "));
}

/** Summary label words as one regular expression over the lower-case, accent-free cell. */
export function summaryPattern(labels: string[]): string {
  const words = labels.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return `^(${words.join("|")})([^a-z0-9]|$)`;
}

/** A file's statements, split at the semicolons that end a line. */
function statements(sql: string): string[] {
  return sql.split(/;\s*$/m).filter((s) => s.replace(/--.*$/gm, "").trim() !== "");
}

async function runFile(wh: Warehouse, sql: string, params: Record<string, DuckDBValue>): Promise<void> {
  await wh.run(...bind(sql, params));
}

/** Binds only the parameters the statement names: DuckDB refuses unused ones. */
function bind(sql: string, params: Record<string, DuckDBValue>): [string, Record<string, DuckDBValue>] {
  const used: Record<string, DuckDBValue> = {};
  for (const [, name] of sql.matchAll(/\$([a-z_]+)/g)) used[name!] = params[name!] ?? null;
  return [sql, used];
}
