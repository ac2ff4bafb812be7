import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { contractForTitle } from "./contracts.ts";
import { dateToSerial, type Cell } from "./values.ts";

export interface FileTab {
  title: string;
  grid: Cell[][];
}

/** Every tab of an .xlsx download, cells as the API would give them (dates as serial numbers). */
export async function readXlsxTabs(path: string): Promise<FileTab[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets.map((sheet) => {
    const grid: Cell[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: Cell[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(xlsxCell(row.getCell(c).value));
      grid.push(cells);
    }
    return { title: sheet.name, grid };
  });
}

function xlsxCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("result" in value) return xlsxCell(value.result as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return "";
  if ("hyperlink" in value) return value.text;
  if ("error" in value) return String(value.error);
  return String(value);
}

/** A Google "Download as CSV" file: UTF-8 (re-saved by Excel: Windows-1252), comma, one row per line. */
export function readCsvGrid(path: string): Cell[][] {
  const bytes = readFileSync(path);
  let text = bytes.toString("utf8");
  if (text.includes("\uFFFD")) text = iconv.decode(bytes, "windows-1252");
  const { data } = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: false });
  return data;
}

/**
 * The tab a CSV file holds, from its name: Google names downloads "<Spreadsheet> - <Tab>.csv";
 * people also save "<Tab>.csv" or "ImaginEcole Cibles.csv". Null when none names a template tab.
 */
export function tabTitleFromFileName(path: string): string | null {
  const name = basename(path, extname(path)).trim();
  const at = name.lastIndexOf(" - ");
  const candidates = [name, at >= 0 ? name.slice(at + 3).trim() : "", name.split(/\s+/).pop() ?? ""];
  return candidates.find((c) => c !== "" && contractForTitle(c)) ?? null;
}
