import { pick, type Lang } from "../core/lang.ts";
import type { Row } from "./build.ts";
import { formatDate, formatNumber, formatTimestamp } from "../core/format.ts";
import { breakdownLabel, label } from "../core/labels.ts";
import { neutralise } from "./neutralise.ts";
import type { Column } from "./tables.ts";

/** The marker written in place of a suppressed count. */
export function suppressedMark(threshold: number): string {
  return `< ${threshold}`;
}

/**
 * A CSV for spreadsheet users: UTF-8 with a byte-order mark so Excel shows accents, `;` and a
 * decimal comma in French (what French Excel expects), `,` and a decimal point in English,
 * CRLF line ends, every text cell neutralised against formula injection.
 */
export function toCsv(rows: Row[], columns: Column[], lang: Lang, suppressBelow: number): string {
  const delimiter = pick(lang, { fr: ";", en: "," });
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
      // Plain numbers a spreadsheet parses in each locale: decimal comma in French, no grouping.
      return formatNumber(lang, Number(value), { digits: 6, grouping: false });
    case "date":
    case "month":
      return formatDate(lang, value as Date);
    case "timestamp":
      return formatTimestamp(lang, value as Date);
    case "boolean":
      return label(lang, "yes_no", value === true);
    case "code":
      return neutralise(column.codes ? label(lang, column.codes, String(value)) : String(value));
    case "disaggregation":
      return neutralise(breakdownLabel(lang, String(value)));
    case "text":
      return neutralise(String(value));
  }
}

function quoteCell(text: string, delimiter: string): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
