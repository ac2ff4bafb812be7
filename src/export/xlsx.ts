import ExcelJS from "exceljs";
import { createWriteStream } from "node:fs";
import type { Lang } from "../core/lang.ts";
import { say } from "../core/message.ts";
import type { Row } from "./build.ts";
import { cellText } from "./csv.ts";
import { neutralise } from "./neutralise.ts";
import { columnsFor, type Column, type SnapshotTable } from "./tables.ts";

/**
 * Number formats per unit. Excel renders `#,##0.0` with the reader's own separators, so a
 * French Excel shows 1 234,5 and an English one 1,234.5.
 */
const NUMBER_FORMAT: Record<string, string> = {
  count: "#,##0",
  users: "#,##0",
  percent: '0.0" %"',
  days: "#,##0",
};
const DATE_FORMAT = {
  fr: { date: "dd/mm/yyyy", month: "mm/yyyy", timestamp: "dd/mm/yyyy hh:mm:ss" },
  en: { date: "yyyy-mm-dd", month: "yyyy-mm", timestamp: "yyyy-mm-dd hh:mm:ss" },
};

export interface WorkbookInput {
  lang: Lang;
  citation: string;
  readme: Array<[string, string]>;
  tables: Map<SnapshotTable, Row[]>;
  suppressBelow: number;
  generatedAt: Date;
}

/**
 * One workbook: Lisez-moi, then a sheet per table with real number and date cells and frozen headers.
 * Written as it is filled, row by row (ExcelJS's streaming writer): half the CPU of building the
 * whole workbook in memory first, and a memory use that does not grow with the tables.
 */
export async function writeWorkbook(path: string, input: WorkbookInput): Promise<void> {
  const file = createWriteStream(path);
  // The writer listens for the file's errors only once it is committed: one before (a folder that
  // cannot be written) would otherwise be thrown outside any caller.
  const failed = new Promise<never>((_, reject) => file.on("error", reject));
  failed.catch(() => {});
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: file, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 6 } } });
    fill(workbook, input);
    await Promise.race([workbook.commit(), failed]);
  } catch (error) {
    file.destroy(); // a workbook left half-written closes its file
    throw error;
  }
}

/** The sheets, each row committed (written out) as soon as it is filled. */
function fill(workbook: ExcelJS.stream.xlsx.WorkbookWriter, input: WorkbookInput): void {
  const { lang } = input;
  workbook.creator = "imaginecole";
  workbook.created = input.generatedAt;
  workbook.modified = input.generatedAt;
  workbook.description = input.citation;

  const readme = workbook.addWorksheet(say(lang, { fr: "Lisez-moi", en: "Read me" }));
  readme.columns = [{ width: 24 }, { width: 110 }];
  for (const [key, value] of input.readme) readme.addRow([neutralise(key), neutralise(value)]);
  readme.getColumn(1).font = { bold: true };
  readme.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  readme.commit();

  for (const [table, rows] of input.tables) {
    const columns = columnsFor(table, lang);
    const sheet = workbook.addWorksheet(table.sheet[lang], { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ header: c.header[lang], width: width(c) }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) {
      const added = sheet.addRow(columns.map((c) => cellValue(row, c, input)));
      columns.forEach((column, index) => {
        const format = numberFormat(row, column, lang);
        if (format) added.getCell(index + 1).numFmt = format;
      });
      added.commit();
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    sheet.commit();
  }
}

function cellValue(row: Row, column: Column, input: WorkbookInput): ExcelJS.CellValue {
  const value = row[column.key];
  if (column.suppressedBy && row[column.suppressedBy] === true) return cellText(row, column, input.lang, input.suppressBelow);
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case "number":
    case "integer":
    case "year":
      return Number(value);
    case "date":
    case "month":
    case "timestamp":
      return value as Date;
    default:
      return cellText(row, column, input.lang, input.suppressBelow);
  }
}

function numberFormat(row: Row, column: Column, lang: Lang): string | undefined {
  switch (column.type) {
    case "number": {
      const unit = column.unit ?? (column.unitFrom ? String(row[column.unitFrom]) : "");
      return NUMBER_FORMAT[unit] ?? "#,##0.0";
    }
    case "integer":
      return "#,##0";
    case "year":
      return "0";
    case "date":
    case "month":
    case "timestamp":
      return DATE_FORMAT[lang][column.type];
    default:
      return undefined;
  }
}

function width(column: Column): number {
  if (column.key.startsWith("definition")) return 80;
  if (column.key === "content_sha256") return 66;
  if (column.type === "text" || column.type === "code" || column.type === "disaggregation") return 24;
  return 16;
}
