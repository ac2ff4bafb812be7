// `sheets template`: the offline .xlsx a team without Google access fills in, then imports.
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importSheetFiles, writeTemplateXlsx } from "../../../src/sources/sheets/index.ts";
import { PHASE, openContext, type TestContext } from "./helpers.ts";

describe("writeTemplateXlsx(ctx, {country, out})", () => {
  let t: TestContext;
  beforeEach(async () => (t = await openContext()));
  afterEach(() => t.close());

  it("writes the country's tabs with dropdowns, a Région list and a read-me in its code; filled from its lists, it imports with zero rejects", async () => {
    const out = join(t.dir, "modele-GN.xlsx");
    expect(await writeTemplateXlsx(t.ctx, { country: "Guinée", out })).toMatchObject({ path: out, country: "GN", place: "Guinée" });

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Formateurs", "Sessions", "Ressources", "Activités", "Validation", "Commentaires", "Lisez-moi", "Listes"]);
    const lists = book.getWorksheet("Listes")!;
    expect(lists.state).toBe("hidden");
    /** The values a cell's dropdown offers, read through its formula on the Listes tab. */
    const dropdown = (tab: string, cell: string): string[] => {
      const validation = book.getWorksheet(tab)!.getCell(cell).dataValidation;
      expect(validation?.type, `${tab}!${cell}`).toBe("list");
      const m = /^Listes!\$([A-Z]+)\$2:\$[A-Z]+\$(\d+)$/.exec(String(validation!.formulae[0]))!;
      return Array.from({ length: Number(m[2]) - 1 }, (_, i) => String(lists.getCell(`${m[1]}${i + 2}`).value));
    };
    expect(dropdown("Formateurs", "C2")).toEqual(["F", "H"]);
    expect(dropdown("Formateurs", "D300")).toEqual(["Boké", "Conakry", "Kindia", "Faranah", "Kankan", "Labé", "Mamou", "Nzérékoré"]);
    expect(dropdown("Sessions", "F2")).toEqual(["Préscolaire", "Primaire", "Secondaire"]);
    expect(book.getWorksheet("Sessions")!.getCell("H2").dataValidation).toMatchObject({ type: "whole", operator: "greaterThanOrEqual" });
    const readme: string[] = [];
    book.getWorksheet("Lisez-moi")!.eachRow((row) => readme.push(row.values!.toString()));
    expect(readme.join("\n")).toContain("Identifiant unique du formateur (ex. GN-F-001)");
    expect(readme.join("\n")).not.toContain("SN-");

    // A team types one row per tab, choosing from the dropdowns.
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const pick = (tab: string, cell: string) => dropdown(tab, cell)[0]!;
    book.getWorksheet("Formateurs")!.addRow(["GN-F-001", "Mariama Bah", pick("Formateurs", "C2"), pick("Formateurs", "D2"), "IEF", day("2025-09-15"), pick("Formateurs", "G2")]);
    book.getWorksheet("Sessions")!.addRow(["GN-S-001", "GN-F-001", day("2025-10-01"), day("2025-10-02"), pick("Sessions", "E2"), pick("Sessions", "F2"), pick("Sessions", "G2"), 12, 9, 21]);
    book.getWorksheet("Ressources")!.addRow(["GN-R-001", "Lecture CP", "Français", pick("Ressources", "D2"), "Français", "Vidéo", pick("Ressources", "G2"), day("2026-01-05"), ""]);
    book.getWorksheet("Activités")!.addRow(["GN-A-001", "Atelier", "Mariama Bah", day("2026-03-01"), pick("Activités", "E2"), ""]);
    book.getWorksheet("Validation")!.addRow(["03/2026", "Mariama Bah", day("2026-04-02")]);
    book.getWorksheet("Commentaires")!.addRow(["03/2026", pick("Commentaires", "B2"), "Sessions reportées après les examens.", pick("Commentaires", "D2")]);
    const filled = join(t.dir, "rempli-GN.xlsx");
    await book.xlsx.writeFile(filled);

    const results = await importSheetFiles(t.ctx, [filled], { country: "GN", phase: PHASE });
    expect(results.map((r) => [r.location.split("!")[1], r.status, r.rowsLoaded, r.rowsRejected])).toEqual([
      ["Formateurs", "loaded", 1, 0], ["Sessions", "loaded", 1, 0], ["Ressources", "loaded", 1, 0],
      ["Activités", "loaded", 1, 0], ["Validation", "loaded", 1, 0], ["Commentaires", "loaded", 1, 0],
    ]);
    expect(await t.ctx.warehouse.one("SELECT region FROM core.trainers")).toEqual({ region: "Boké" });
    expect(Number(await t.ctx.warehouse.scalar("SELECT count(*) FROM ops.rejects"))).toBe(0);
  });

  it("refuses a country outside the programme, naming the closest", async () => {
    await expect(writeTemplateXlsx(t.ctx, { country: "Senegall", out: join(t.dir, "x.xlsx") })).rejects.toThrow("did you mean SN (Senegal)?");
  });
});
