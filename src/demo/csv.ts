export interface CsvStyle {
  delimiter: string;
  eol: string;
  /** Whether the last row ends with `eol`. */
  finalEol: boolean;
}

/**
 * Google Sheets' "File > Download > Comma-separated values", as commonly reported: UTF-8 without
 * BOM, "," between fields, CRLF between rows and none after the last one, quotes only around
 * fields that need them, rows padded to the width of the data, cells as displayed (so dates are
 * dd/mm/yyyy in a French sheet). Not checked against a live download here (no network): readers
 * must also accept LF and a final line break.
 */
export const GOOGLE_CSV: CsvStyle = { delimiter: ",", eol: "\r\n", finalEol: false };

export function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(rows: readonly (readonly string[])[], style: CsvStyle): string {
  const body = rows.map((row) => row.map((v) => csvField(v, style.delimiter)).join(style.delimiter)).join(style.eol);
  return style.finalEol && rows.length > 0 ? body + style.eol : body;
}
