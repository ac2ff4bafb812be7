import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import ExcelJS from "exceljs";
import type { RunContext } from "../../context/run-context.ts";
import { columnLetter } from "./cells.ts";
import { LISTS_TITLE, README_TITLE } from "./spreadsheet.ts";
import { columnRule, readmeRows, templateFor } from "./template.ts";

/** Rows of each tab the dropdowns and checks cover. */
const ROWS = 500;

/** exceljs applies a validation to a range through this (not in its typings). */
interface RangeValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

/**
 * `imaginecole sheets template --country GN --out FILE.xlsx`: the country's template for a team
 * without Google access, the same tabs, headers, dropdowns (on a `Listes` tab) and Lisez-moi as
 * `sheets init` lays out. `import FILE.xlsx --source sheet --country GN` reads it back.
 */
export async function writeTemplateXlsx(ctx: RunContext, options: { country: string; out: string }): Promise<{ path: string; country: string | null; place: string }> {
  const template = await templateFor(ctx, options.country);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ImaginEcole";
  workbook.lastModifiedBy = "ImaginEcole";
  workbook.created = ctx.now;
  workbook.modified = ctx.now;
  const sheets = template.tabs.map((tab) => workbook.addWorksheet(tab.title, { views: [{ state: "frozen", ySplit: 1 }] }));
  const readme = workbook.addWorksheet(README_TITLE);
  const lists = workbook.addWorksheet(LISTS_TITLE);
  lists.state = "hidden";
  let listColumn = 0;

  template.tabs.forEach((tab, t) => {
    const sheet = sheets[t]!;
    sheet.getRow(1).values = tab.columns.map((c) => c.header);
    sheet.getRow(1).font = { bold: true };
    const validations = (sheet as unknown as { dataValidations: RangeValidations }).dataValidations;
    tab.columns.forEach((column, i) => {
      sheet.getColumn(i + 1).width = Math.max(14, column.header.length + 2);
      const range = `${columnLetter(i)}2:${columnLetter(i)}${ROWS + 1}`;
      const { rule, list } = columnRule(column, template.lists);
      if (column.type.kind === "date") sheet.getColumn(i + 1).numFmt = "dd/mm/yyyy";
      if (list) {
        const letter = columnLetter(listColumn++);
        lists.getCell(`${letter}1`).value = `${tab.title} — ${column.header}`;
        list.forEach((value, r) => (lists.getCell(`${letter}${r + 2}`).value = value));
        const strict = rule?.strict !== false;
        validations.add(range, {
          type: "list", allowBlank: true, formulae: [`${LISTS_TITLE}!$${letter}$2:$${letter}$${list.length + 1}`],
          showErrorMessage: true, errorStyle: strict ? "stop" : "warning",
          error: strict ? "Choisissez une valeur de la liste (voir Lisez-moi)." : "Valeur hors de la liste : vérifiez-la.",
        });
      } else if (column.type.kind === "date") {
        validations.add(range, { type: "date", operator: "greaterThan", allowBlank: true, formulae: [new Date(Date.UTC(2000, 0, 1))], showErrorMessage: true, error: "Saisissez une date jj/mm/aaaa." });
      } else if (column.type.kind === "count") {
        validations.add(range, { type: "whole", operator: "greaterThanOrEqual", allowBlank: true, formulae: [0], showErrorMessage: true, error: "Saisissez un nombre entier, 0 ou plus." });
      }
    });
  });
  for (const row of readmeRows(template.place, template.tabs, template.lists)) readme.addRow(row);
  readme.getRow(1).font = { bold: true };
  readme.getRow(5).font = { bold: true };

  const path = resolve(ctx.root, options.out);
  await mkdir(dirname(path), { recursive: true });
  await workbook.xlsx.writeFile(path);
  return { path, country: template.code, place: template.place };
}
