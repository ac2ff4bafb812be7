import ExcelJS from "exceljs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { frDay, isoDay } from "./calendar.ts";
import { GOOGLE_CSV, toCsv } from "./csv.ts";
import { rngFor } from "./random.ts";
import { DEMO_SCENARIO, type Tab } from "./scenario.ts";
import type { Cell, TabData } from "./sheets-content.ts";
import { stampZipEntries } from "./zip-dates.ts";

/** The headers as this country's team typed them. */
export function writtenHeaders(country: string, tab: TabData): string[] {
  const renamed = DEMO_SCENARIO.headerVariants[country]?.[tab.tab] ?? {};
  return tab.headers.map((h) => renamed[h] ?? h);
}

/** "C12": the cell a reject points to. */
export function cellRef(column: number, row: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

export function sheetFileBase(nameFr: string): string {
  return `ImaginEcole ${nameFr}`;
}

function isRagged(country: string, tab: Tab): boolean {
  return DEMO_SCENARIO.raggedCsv.some((r) => r.country === country && r.tab === tab);
}

/** One "<spreadsheet> - <tab>.csv" per tab, as Google names its CSV downloads. Returns the paths. */
export async function writeSheetCsvs(dir: string, nameFr: string, country: string, tabs: readonly TabData[], seed: number): Promise<string[]> {
  const rng = rngFor(seed, `sheets-csv/${country}`);
  // A date cell comes out as displayed (dd/mm/yyyy in a French sheet); some were typed as ISO text.
  const text = (cell: Cell): string =>
    cell instanceof Date ? (rng.chance(0.08) ? isoDay(cell) : frDay(cell)) : cell === null ? "" : String(cell);
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const tab of tabs) {
    const headers = writtenHeaders(country, tab);
    const ragged = isRagged(country, tab.tab);
    const rows = tab.rows.map((row) => {
      const cells = headers.map((_, i) => text(row?.[i] ?? null));
      if (!ragged) return cells;
      while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
      return cells;
    });
    const path = join(dir, `${sheetFileBase(nameFr)} - ${tab.tab}.csv`);
    await writeFile(path, toCsv([headers, ...rows], GOOGLE_CSV), "utf8");
    paths.push(path);
  }
  return paths;
}

/** One workbook with a worksheet per tab, real date cells, trailing empty cells left out. */
export async function writeSheetXlsx(dir: string, nameFr: string, country: string, tabs: readonly TabData[], asOf: Date, seed: number): Promise<string> {
  const rng = rngFor(seed, `sheets-xlsx/${country}`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ImaginEcole";
  workbook.lastModifiedBy = "ImaginEcole";
  workbook.created = asOf;
  workbook.modified = asOf;
  for (const tab of tabs) {
    const sheet = workbook.addWorksheet(tab.tab);
    sheet.getRow(1).values = writtenHeaders(country, tab);
    tab.rows.forEach((row, i) => {
      if (!row) return;
      const excelRow = sheet.getRow(i + 2);
      row.forEach((cell, col) => {
        if (cell === null || cell === "") return;
        const target = excelRow.getCell(col + 1);
        if (cell instanceof Date && rng.chance(0.05)) {
          target.value = frDay(cell);
        } else {
          target.value = cell;
          if (cell instanceof Date) target.numFmt = "dd/mm/yyyy";
        }
      });
    });
  }
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${sheetFileBase(nameFr)}.xlsx`);
  await writeFile(path, stampZipEntries(Buffer.from(await workbook.xlsx.writeBuffer()), asOf));
  return path;
}
