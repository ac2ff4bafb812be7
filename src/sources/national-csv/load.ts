import { formatDate } from "../../core/format.ts";
import { BIGINT, LIST, listValue, VARCHAR, type DuckDBValue } from "@duckdb/node-api";
import { sqlFile, type Sql } from "../../warehouse/sql-file.ts";
import type { BatchContext } from "../../warehouse/batch.ts";
import { underImportMemoryLimit } from "../../warehouse/memory-cap.ts";
import type { ParamTypes, Warehouse } from "../../warehouse/warehouse.ts";
import type { Layout } from "./header.ts";
import { COUNT_FIELDS, FIELDS, type CountField, type Field, type NationalProfile } from "./profile.ts";
import { REASONS } from "./reasons.ts";
import { refusals } from "./refusals.ts";
import type { LineBreak } from "./record-lines.ts";
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

const TEMP_TABLES = ["national_csv_checked", "national_csv_problems"];

/** Up to this many records, a file's statements cost more to plan than to run. */
const SMALL_FILE_RECORDS = 10_000;

/** List parameters need their type: an empty list has none to infer. */
const LIST_TYPES: ParamTypes = {
  break_records: LIST(BIGINT),
  break_deltas: LIST(BIGINT),
  header_fields: LIST(VARCHAR),
  header_names: LIST(VARCHAR),
  platforms: LIST(VARCHAR),
};

/** Warehouses whose connection already holds the macros and the reason texts (temporary objects live as long as the connection). */
const prepared = new WeakSet<Warehouse>();

/**
 * Creates the parsing macros and the reason texts once per connection. Call it outside any
 * transaction: created inside one that rolls back, they would be gone while marked as present.
 */
export async function prepareConnection(wh: Warehouse): Promise<void> {
  if (prepared.has(wh)) return;
  await wh.run(sqlFile(import.meta.url, "national_csv_macros.sql"));
  await wh.run("CREATE OR REPLACE TEMP TABLE national_csv_reasons (code VARCHAR, reason_fr VARCHAR, reason_en VARCHAR)");
  const reasons = Object.entries(REASONS);
  await wh.run(
    `INSERT INTO national_csv_reasons VALUES ${reasons.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`).join(", ")}`,
    reasons.flatMap(([code, r]) => [code, r.fr, r.en]),
  );
  prepared.add(wh);
}

/**
 * Reads the UTF-8 file with DuckDB's CSV reader, every cell as text, then parses, checks and
 * merges whole columns in SQL: no row goes through JavaScript. Runs inside the batch transaction,
 * on a connection prepared by prepareConnection. A handful of statements per file, so that the
 * many small monthly files cost little more than their reading.
 */
export async function loadNationalRows(batch: BatchContext, input: FileLoad): Promise<FileOutcome> {
  const wh = batch.warehouse;
  const { layout, profile, scan } = input;
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
    // The sheets and exports of the region write dates the French way, whatever the message language.
    today_text: formatDate("fr", input.today),
    country: input.country,
    load_id: batch.loadId,
    source: SOURCE,
    file: input.file,
    break_records: listValue(scan.breaks.map((b) => b.record)),
    break_deltas: listValue(scan.breaks.map((b) => b.delta)),
    header_fields: listValue(FIELDS.filter((f) => layout.columns[f] !== undefined)),
    header_names: listValue(FIELDS.flatMap((f) => (layout.columns[f] === undefined ? [] : [layout.headers[layout.columns[f]!] ?? f]))),
  };
  // Rows of a large file already written by the one-pass insert: every one the checks accept.
  let inserted = 0;
  params.days_once = false;
  if (scan.records > SMALL_FILE_RECORDS) {
    const direct = await loadDirectly(wh, checkedSql(layout, profile, scan.records, { platformAsWritten: true }), params, input);
    if ("rowsLoaded" in direct) return direct;
    inserted = direct.inserted;
    params.days_once = direct.daysOnce;
  }
  await runFile(wh, checkedSql(layout, profile, scan.records).wrap((checked) => `CREATE OR REPLACE TEMP TABLE national_csv_checked AS\n${checked}`), params);

  const stats = await statsOf(wh, layout.headerRecord, input.country, batch.loadId);
  params.first_rowid = stats.firstRowid;
  const read = stats.read;
  if (read - stats.summaries === 0) throw refusals.headerOnly(input.file, layout.headerLine);
  const granularity =
    profile.granularity !== "auto" ? profile.granularity : stats.months > 0 && stats.days === 0 ? "month" : "day";
  params.granularity = granularity;

  const problems = await runFile(wh, sqlFile(import.meta.url, "national_csv_problems.sql"), params);
  if (problems > 0) await runFile(wh, sqlFile(import.meta.url, "rejects.sql"), params);
  const [remove, insert, removeTwice] = sqlFile(import.meta.url, "national_usage.sql").split();
  if (stats.holdsDays) await runFile(wh, remove!, params);
  const loaded = inserted > 0 ? inserted - (await runFile(wh, removeTwice!, params)) : await runFile(wh, insert!, params);
  await runFile(wh, sqlFile(import.meta.url, "national_platforms.sql"), params);
  // On failure the batch rolls back, and the tables created in it go with it.
  await wh.run(TEMP_TABLES.map((table) => `DROP TABLE temp.${table};`).join("\n"));

  return { rowsRead: read, rowsLoaded: loaded, granularity, summaryLines: stats.summaryRecords.map((r) => lineOf(scan.breaks, r)) };
}

interface DayRange {
  first_day: Date | null;
  last_day: Date | null;
}

/**
 * A large file in one pass (national_usage_direct.sql): every row the checks accept is written
 * straight from the CSV reader. When every data record loaded and no day is given twice, that is
 * all: the common case costs reading, checking and writing once. Otherwise says how many rows it
 * wrote and whether each day came once among them: the full way then numbers the records, says
 * why the others were refused and takes the days given twice back out. It writes nothing when a
 * record up to the header might read as a day (the insert cannot tell it from data), or leaves
 * nothing when a platform is written with spaces around it or empty (it keeps them as written).
 */
async function loadDirectly(
  wh: Warehouse,
  checked: Sql,
  params: Record<string, DuckDBValue>,
  input: FileLoad,
): Promise<FileOutcome | { inserted: number; daysOnce: boolean }> {
  const { layout, profile, scan } = input;
  const records = scan.records - layout.headerRecord - 1;
  const nothing = { inserted: 0, daysOnce: false };
  if (records === 0 || layout.datedPreamble) return nothing;
  const granularity = profile.granularity === "month" ? "month" : "day";
  const direct = { ...params, granularity };
  const [held, insert, check, replace, platforms] = sqlFile(import.meta.url, "national_usage_direct.sql").fill({ checked }).split();
  const before = await rowOf<DayRange>(wh, held!, direct);
  const loaded = await runFile(wh, insert!, direct);
  if (loaded === 0) return nothing;
  const found = await rowOf<DayRange & { unique_days: boolean; platforms: string[]; trimmed: boolean }>(wh, check!, direct);
  if (!found.trimmed) {
    await wh.run("DELETE FROM core.national_usage WHERE load_id = $1", [params.load_id!]);
    return nothing;
  }
  if (loaded !== records || !found.unique_days) return { inserted: loaded, daysOnce: found.unique_days };
  // Earlier figures of the country can only be replaced where the two ranges of days meet.
  if (before.first_day && before.first_day <= found.last_day! && before.last_day! >= found.first_day!) await runFile(wh, replace!, direct);
  await runFile(wh, platforms!, { ...direct, platforms: listValue(found.platforms) });
  return { rowsRead: records, rowsLoaded: loaded, granularity, summaryLines: [] };
}

/**
 * The checking query for this file: which file column holds which field (the others are only
 * declared), how its dates are written, and each count as a plain number or a percentage of its
 * base column.
 */
export function checkedSql(layout: Layout, profile: NationalProfile, records: number, options: { platformAsWritten?: boolean } = {}): Sql {
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
  // Each call of a macro is planned anew, so a small file's query must stay short to plan, while
  // a large file's pays for what it computes on every row: the two differ below where that
  // matters, with the same results.
  const small = records <= SMALL_FILE_RECORDS;
  const day =
    profile.dateFormat !== "auto"
      ? "national_csv_day_as(trim(date_raw), $date_format)"
      : small
        ? "national_csv_day(date_raw, $day_first, $timezone)"
        : "national_csv_day_lazy(date_raw, $day_first, $timezone)";
  // Only the cells that are no day are made ready for the month forms (see national_csv_day_lazy).
  const month =
    profile.dateFormat === "auto" || profile.dateFormat === "month"
      ? "national_csv_month_of(CASE WHEN full_day IS NULL THEN strip_accents(lower(trim(date_raw))) END)"
      : "NULL::DATE";
  // rtrim() copies every cell it is given: only cells holding a % sign need it.
  const problem = (f: CountField, share: boolean) =>
    `national_csv_count_problem(${f}_raw, ${f}_value, CASE WHEN contains(${f}_raw, '%') THEN ends_with(rtrim(${f}_raw), '%') ELSE false END, ${share})`;
  const counts = COUNT_FIELDS.map((f) => {
    const base = profile.percentOf[f];
    if (!base && small) return `${problem(f, false)} AS ${f}_problem,\n    TRY_CAST(${f}_value AS BIGINT) AS ${f}`;
    // A whole number (national_csv_whole) has no problem: the checks are for the other cells.
    if (!base) {
      return `CASE WHEN ${f}_whole IS NULL THEN ${problem(f, false)} END AS ${f}_problem,\n    coalesce(${f}_whole, TRY_CAST(${f}_value AS BIGINT)) AS ${f}`;
    }
    const baseProblem = `(${base}_value IS NULL OR ${problem(base, false)} IS NOT NULL)`;
    return (
      `coalesce(${problem(f, true)}, CASE WHEN ${f}_raw IS NOT NULL AND ${baseProblem} THEN 'share_without_base' END) AS ${f}_problem,\n    ` +
      `CASE WHEN NOT ${baseProblem} AND ${f}_value >= 0 THEN TRY_CAST(round(${f}_value / 100 * ${base}_value) AS BIGINT) END AS ${f}`
    );
  });
  // In a small file, planning the five number parsings cost more than running them, so they are
  // one call over the row's list of count cells; in a large file, building that list for every
  // row costs more, so each column gets its own calls: the common whole numbers first
  // (national_csv_whole), the full reading for the other cells only.
  const numbers = small
    ? `list_transform([${COUNT_FIELDS.map((f) => `${f}_raw`).join(", ")}], cell -> national_csv_number(cell, $decimal)) AS number_values`
    : COUNT_FIELDS.map((f) => `national_csv_whole(${f}_raw) AS ${f}_whole`).join(",\n    ");
  const values = COUNT_FIELDS.map((f, i) =>
    small
      ? `,\n    number_values[${i + 1}] AS ${f}_value`
      : `,\n    CASE WHEN ${f}_whole IS NULL THEN national_csv_number(${f}_raw, $decimal) ELSE ${f}_whole END AS ${f}_value`,
  ).join("");
  // trim() copies every cell: the direct insert checks the file's few platforms afterwards instead.
  const platform = options.platformAsWritten ? "coalesce(platform_raw, $platform)" : "coalesce(nullif(trim(platform_raw), ''), $platform)";
  return sqlFile(import.meta.url, "national_csv_checked.sql").fill({
    platform,
    numbers,
    values,
    cells,
    columns,
    day,
    month,
    counts: counts.join(",\n    "),
  });
}

interface Stats {
  /** rowid of the file's first record: rowids of a table created in a transaction do not start at 0. */
  firstRowid: bigint | null;
  read: number;
  summaries: number;
  months: number;
  days: number;
  summaryRecords: number[];
  /**
   * The warehouse holds figures of the country between the file's first and last dated records
   * (whatever their problems), other than the file's own: when it does not (a new month, a first
   * import), there is nothing to replace and the delete is skipped.
   */
  holdsDays: boolean;
}

/** What the data records hold: how many, totals rows, month labels and days. */
async function statsOf(wh: Warehouse, headerRecord: number, country: string, loadId: string): Promise<Stats> {
  const reader = await wh.read(
    `WITH stats AS (
       SELECT any_value(first_rowid) AS first_rowid, count(*)::INTEGER AS read,
              count(*) FILTER (WHERE summary)::INTEGER AS summaries,
              count(*) FILTER (WHERE month_label)::INTEGER AS months,
              count(*) FILTER (WHERE parsed_day IS NOT NULL AND NOT month_label)::INTEGER AS days,
              list(record::INTEGER ORDER BY record) FILTER (WHERE summary) AS summary_records,
              min(parsed_day) AS first_day, max(parsed_day) AS last_day
       FROM (SELECT rowid - first_rowid AS record, first_rowid, blank, summary, month_label, parsed_day
             FROM national_csv_checked, (SELECT min(rowid) AS first_rowid FROM national_csv_checked))
       WHERE record > $header_record AND NOT blank
     )
     SELECT *, (
       SELECT count(*) > 0 FROM core.national_usage u, stats s
       WHERE u.country_code = $country AND u.day BETWEEN date_trunc('month', s.first_day) AND s.last_day
         AND u.load_id <> $load_id
     ) AS holds_days
     FROM stats`,
    { header_record: headerRecord, country, load_id: loadId },
  );
  const row = reader.getRowObjectsJS()[0] ?? {};
  return {
    firstRowid: (row.first_rowid as bigint | null | undefined) ?? null,
    read: Number(row.read ?? 0),
    summaries: Number(row.summaries ?? 0),
    months: Number(row.months ?? 0),
    days: Number(row.days ?? 0),
    summaryRecords: ((row.summary_records as number[] | null | undefined) ?? []).map(Number),
    holdsDays: Boolean(row.holds_days),
  };
}

/** The line a record starts on, as the scan's breaks tell it. */
function lineOf(breaks: readonly LineBreak[], record: number): number {
  let delta = 1;
  for (const b of breaks) {
    if (b.record > record) break;
    delta = b.delta;
  }
  return record + delta;
}

/** Summary label words as one regular expression over the lower-case, accent-free cell. */
export function summaryPattern(labels: string[]): string {
  const words = labels.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return `^(${words.join("|")})([^a-z0-9]|$)`;
}

/** Runs `work` (a whole batch) under the import memory limit when the file is large; outside any transaction. */
export async function underImportMemoryLimitIfLarge<T>(wh: Warehouse, records: number, work: () => Promise<T>): Promise<T> {
  return records <= SMALL_FILE_RECORDS ? work() : underImportMemoryLimit(wh, work);
}

/** Runs the statements; returns how many rows the last one wrote (a CREATE TABLE AS too). */
async function runFile(wh: Warehouse, sql: Sql, params: Record<string, DuckDBValue>): Promise<number> {
  const reader = await wh.read(sql, params, LIST_TYPES);
  return Number(reader.getRows()[0]?.[0] ?? 0);
}

/** The one row of an aggregate's result, as JavaScript values. */
async function rowOf<T>(wh: Warehouse, sql: Sql, params: Record<string, DuckDBValue>): Promise<T> {
  return (await wh.read(sql, params, LIST_TYPES)).getRowObjectsJS()[0] as T;
}
