import { FIELDS, normaliseHeader, type Field, type NationalProfile } from "./profile.ts";
import { refusals } from "./refusals.ts";

export interface HeadRecord {
  fields: string[];
  /** 1-based line the record starts on. */
  line: number;
}

export interface Layout {
  delimiter: string;
  /** Index of the header among the file's records (DuckDB counts records, skipping empty lines). */
  headerRecord: number;
  headerLine: number;
  /**
   * A record up to the header (a title line, the header itself) has a digit in its date column,
   * so it might read as a day: every form of date has one.
   */
  datedPreamble: boolean;
  headers: string[];
  /** Position of each field's column in the header, when present. */
  columns: Partial<Record<Field, number>>;
  decimal: "," | ".";
  dayFirst: boolean;
}

const DELIMITERS = [";", ",", "\t", "|"];
const HEADER_SEARCH = 30;
const SAMPLE = 200;

/**
 * Splits CSV text into records the way DuckDB reads them: quotes may hold delimiters and line
 * breaks, `""` is a quote, empty lines are no records. Pure; used on the head of a file only.
 */
export function splitRecords(text: string, delimiter: string, max: number, complete = true): HeadRecord[] {
  const records: HeadRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let inQuote = false;
  let line = 1;
  let start = 0;
  let content = false;
  const end = () => {
    if (content) records.push({ fields: [...fields, field], line: start });
    fields = [];
    field = "";
    content = false;
  };
  for (let i = 0; i < text.length && records.length < max; i++) {
    const c = text[i]!;
    if (inQuote) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuote = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === "\n") {
      end();
      line++;
      continue;
    }
    if (c === "\r") continue;
    if (!content) {
      content = true;
      start = line;
    }
    if (c === '"') inQuote = true;
    else if (c === delimiter) {
      fields.push(field);
      field = "";
    } else field += c;
  }
  if (complete && records.length < max && !inQuote) end();
  return records;
}

/**
 * Finds the header among the first records, the delimiter that makes it match the profile best,
 * where each field's column is, and the number style of the file. Throws a refusal when no header
 * or a required column is missing.
 */
export function findLayout(head: string, complete: boolean, profile: NationalProfile, file: string): Layout {
  const text = head.replace(/^\uFEFF/, "");
  if (text.trim() === "") throw refusals.empty(file);
  const candidates = profile.delimiter === "auto" ? DELIMITERS : [profile.delimiter];

  let found: { delimiter: string; records: HeadRecord[]; index: number; columns: Partial<Record<Field, number>>; score: number } | null = null;
  for (const delimiter of candidates) {
    const records = splitRecords(text, delimiter, HEADER_SEARCH + SAMPLE, complete);
    for (let index = 0; index < Math.min(HEADER_SEARCH, records.length); index++) {
      const columns = mapColumns(records[index]!.fields, profile);
      const score = Object.keys(columns).length;
      if (score > 0 && (!found || score > found.score)) found = { delimiter, records, index, columns, score };
    }
  }
  if (!found) throw refusals.noHeader(file, profile.required.map((f) => profile.columns[f][0]!), profile.name);

  const header = found.records[found.index]!;
  const missing = profile.required.filter((f) => found.columns[f] === undefined);
  if (missing.length > 0) {
    throw refusals.missingColumns(
      file,
      header.line,
      missing.map((f) => `« ${profile.columns[f][0]} »`),
      header.fields.map((h) => h.trim()),
      profile.name,
    );
  }
  const sample = found.records.slice(found.index + 1);
  const dateColumn = found.columns.date!;
  return {
    delimiter: found.delimiter,
    headerRecord: found.index,
    headerLine: header.line,
    datedPreamble: found.records.slice(0, found.index + 1).some((r) => /[0-9]/.test(r.fields[dateColumn] ?? "")),
    headers: header.fields.map((h) => h.trim()),
    columns: found.columns,
    decimal: profile.decimal !== "auto" ? profile.decimal : detectDecimal(sample, dateColumn, found.delimiter),
    dayFirst: profile.dayFirst ?? detectDayFirst(sample.map((r) => r.fields[dateColumn] ?? "")),
  };
}

/** Each field's column: profile aliases are tried before canonical ones; a column serves one field. */
export function mapColumns(headers: string[], profile: NationalProfile): Partial<Record<Field, number>> {
  const normalised = headers.map(normaliseHeader);
  const taken = new Set<number>();
  const columns: Partial<Record<Field, number>> = {};
  for (const field of FIELDS) {
    for (const alias of profile.columns[field]) {
      const wanted = normaliseHeader(alias);
      const at = normalised.findIndex((h, i) => !taken.has(i) && h === wanted);
      if (at !== -1) {
        columns[field] = at;
        taken.add(at);
        break;
      }
    }
  }
  return columns;
}

/**
 * The decimal separator from the sample's numbers: "12,5" or "1.234,5" mean a decimal comma,
 * "12.5" or "1,234.5" a decimal point; without evidence, French Excel's `;` files use a comma.
 */
export function detectDecimal(sample: HeadRecord[], dateColumn: number, delimiter: string): "," | "." {
  let comma = 0;
  let point = 0;
  for (const record of sample) {
    record.fields.forEach((raw, i) => {
      if (i === dateColumn) return;
      const v = raw.replace(/[\s\u00a0\u202f\u2009%]/g, "");
      if (!/^-?[\d.,]*\d$/.test(v)) return;
      const lastComma = v.lastIndexOf(",");
      const lastPoint = v.lastIndexOf(".");
      if (lastComma !== -1 && lastPoint !== -1) lastComma > lastPoint ? comma++ : point++;
      else if (/,\d{1,2}$|,\d{4,}$|^-?0,\d/.test(v)) comma++;
      else if (/\.\d{1,2}$|\.\d{4,}$|^-?0\.\d/.test(v)) point++;
    });
  }
  if (comma !== point) return comma > point ? "," : ".";
  return delimiter === ";" ? "," : ".";
}

/** dd/mm/yyyy unless some date of the sample only makes sense as mm/dd/yyyy. */
export function detectDayFirst(dates: string[]): boolean {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const d of dates) {
    const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/.exec(d);
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst++;
    else if (Number(m[2]) > 12) monthFirst++;
  }
  return monthFirst === 0 || dayFirst > 0;
}
