import type { Lang } from "../core/lang.ts";
import type { Row } from "./build.ts";
import { disaggregationLabel, formatDate, formatNumber, formatTimestamp, suppressedMark, translate } from "./formats.ts";
import { neutralise } from "./neutralise.ts";
import type { Column } from "./tables.ts";

/**
 * A CSV for spreadsheet users: UTF-8 with a byte-order mark so Excel shows accents, `;` and a
 * decimal comma in French (what French Excel expects), `,` and a decimal point in English,
 * CRLF line ends, every text cell neutralised against formula injection.
 */
export function toCsv(rows: Row[], columns: Column[], lang: Lang, suppressBelow: number): string {
  const delimiter = lang === "fr" ? ";" : ",";
  const line = (cells: string[]) => cells.map((c) => quoteCell(c, delimiter)).join(delimiter);
  const lines = [line(columns.map((c) => neutralise(c.header[lang])))];
  for (const row of rows) lines.push(line(columns.map((c) => cellText(row, c, lang, suppressBelow))));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

/** The text of one cell as the CSV and the workbook's text cells show it. */
export function cellText(row: Row, column: Column, lang: Lang, suppressBelow: number): string {
  const value = row[column.key];
  if (column.suppressedBy && row[column.suppressedBy] === true) return suppressedMark(suppressBelow);
  if (value === null || value === undefined) return "";
  switch (column.type) {
    case "number":
    case "integer":
    case "year":
      return formatNumber(Number(value), lang);
    case "date":
    case "month":
      return formatDate(value as Date, lang);
    case "timestamp":
      return formatTimestamp(value as Date, lang);
    case "boolean":
      return value ? (lang === "fr" ? "oui" : "yes") : lang === "fr" ? "non" : "no";
    case "code":
      return neutralise(translate(column.codes ?? "", String(value), lang));
    case "disaggregation":
      return neutralise(disaggregationLabel(String(value), lang));
    case "text":
      return neutralise(String(value));
  }
}

function quoteCell(text: string, delimiter: string): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
