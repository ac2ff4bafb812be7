import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Text of an input as a reader would decode it: UTF-8 (BOM dropped), else Windows-1252. */
export function readText(path: string): string {
  const bytes = readFileSync(path);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return iconv.decode(bytes, "win1252");
  }
}

export function parseCsv(text: string): { rows: string[][]; errors: Papa.ParseError[] } {
  const { data, errors } = Papa.parse<string[]>(text, { header: false });
  return { rows: data, errors };
}

/** Every worksheet of a workbook as rows of cells, 1-based like sheet rows (index 0 unused). */
export async function readWorkbook(path: string): Promise<{ workbook: ExcelJS.Workbook; tabs: Map<string, ExcelJS.Worksheet> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return { workbook, tabs: new Map(workbook.worksheets.map((w) => [w.name, w])) };
}

export interface Statement {
  id?: string;
  actor?: { name?: string; mbox?: string; account?: { homePage?: string; name?: string } };
  verb?: { id?: string };
  object?: { id?: string; objectType?: string };
  context?: { extensions?: Record<string, string> };
  timestamp?: string;
  stored?: string;
}

export function readStatements(dir: string, file: string): Statement[] {
  return readFileSync(join(dir, "xapi", file), "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Statement);
}
