export interface CsvStyle {
  delimiter: string;
  eol: string;
  /** Whether the last row ends with `eol`. */
  finalEol: boolean;
}

/**
 * What Google Sheets' "File > Download > Comma-separated values" writes: UTF-8 without BOM, ","
 * between fields, CRLF between rows and none after the last one, quotes only around fields that
 * need them, every row padded to the width of the data. (Written from Google's documented
 * behaviour and exports seen in the wild; not re-checked against a live download: no network here.)
 */
export const GOOGLE_CSV: CsvStyle = { delimiter: ",", eol: "\r\n", finalEol: false };

export function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(rows: readonly (readonly string[])[], style: CsvStyle): string {
  const body = rows.map((row) => row.map((v) => csvField(v, style.delimiter)).join(style.delimiter)).join(style.eol);
  return style.finalEol && rows.length > 0 ? body + style.eol : body;
}
