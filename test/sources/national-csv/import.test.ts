import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { day, fixture, openTestBed, type TestBed } from "./helpers.ts";

let bed: TestBed;
beforeEach(async () => (bed = await openTestBed()));
afterEach(() => bed.close());

describe("importNationalCsv(ctx, files, options) reads exports as spreadsheets write them", () => {
  it("reads French Excel CSV: Windows-1252, `;`, CRLF, no-break-space thousands, decimal comma, quoted `;`", async () => {
    const result = await bed.importFile(fixture("excel-fr-semicolon-1252.csv"), "SN");
    expect(result).toMatchObject({ status: "loaded", rowsRead: 4, rowsLoaded: 4, rowsRejected: 0 });
    expect(await bed.usage()).toEqual([
      day("2026-03-01", 1204, 85, 1530, 4210, 312),
      day("2026-03-02", 1187, 64, 1498, 4102, 298),
      day("2026-03-03", 980, 41, 1201, 3377, 251),
      day("2026-03-04", 1312, 102, 1690, 4875, 340),
    ]);
    expect(bed.logs.join("\n")).toContain('windows-1252, ";", decimal ","');
  });

  it("reads LibreOffice UTF-8 with `,`, quoted decimal commas, narrow no-break spaces, and skips the Total row", async () => {
    const result = await bed.importFile(fixture("libreoffice-comma-utf8-total.csv"), "ML");
    expect(result).toMatchObject({ status: "loaded", rowsRead: 4, rowsLoaded: 3, rowsRejected: 0 });
    expect(await bed.usage()).toEqual([
      day("2026-02-01", 640, 22, 810, 2050, 75, "ML"),
      day("2026-02-02", 655, 19, 832, 2101, 80, "ML"),
      day("2026-02-03", 702, 25, 901, 2240, 91, "ML"),
    ]);
    expect(bed.logs.join("\n")).toContain("totals row(s) skipped: 5");
  });

  it("reads Excel 'Unicode text': UTF-16LE with BOM, tabs, CRLF", async () => {
    const result = await bed.importFile(fixture("excel-unicode-text-utf16le.txt"), "CI");
    expect(result).toMatchObject({ status: "loaded", rowsLoaded: 2 });
    expect(await bed.usage()).toEqual([
      day("2026-01-15", 2315, 140, 2980, 8120, 604, "CI"),
      day("2026-01-16", 2402, 151, 3011, 8266, 611, "CI"),
    ]);
  });

  it("reads Excel 'CSV UTF-8' with its BOM and the `Nouveaux inscrits` synonym", async () => {
    const result = await bed.importFile(fixture("excel-csv-utf8-bom.csv"), "BJ");
    expect(result).toMatchObject({ status: "loaded", rowsLoaded: 2 });
    expect(await bed.usage()).toEqual([
      day("2026-04-10", 410, 12, 505, 1320, 44, "BJ"),
      day("2026-04-11", 398, 9, 497, 1287, 41, "BJ"),
    ]);
  });

  it("reads a quoted note spanning two lines, a separator-only line and trailing empty lines, and names the right line", async () => {
    const result = await bed.importFile(fixture("quirks-utf8-comma.csv"), "GN");
    expect(result).toMatchObject({ status: "loaded_with_rejects", rowsRead: 4, rowsLoaded: 3, rowsRejected: 1 });
    expect(await bed.usage()).toEqual([
      day("2026-05-01", 1234, 56, 1500, 4020, 310, "GN"),
      day("2026-05-02", 1198, 48, 1460, 3950, 298, "GN"),
      day("2026-05-04", 1250, 61, 1533, 4100, 322, "GN"),
    ]);
    const rejects = await bed.ctx.warehouse.all('SELECT location, "column", value FROM ops.rejects');
    expect(rejects).toEqual([{ location: "quirks-utf8-comma.csv:6", column: "active_users", value: "-7" }]);
  });

  it("reads monthly rows named in French with a country profile (renamed headers, ’ in a header), on the month's first day", async () => {
    bed.profile("TD", {
      platform: "Tchad Éducation en ligne",
      granularity: "month",
      columns: {
        date: ["Mois"],
        active_users: ["Nombre d'utilisateurs actifs"],
        new_users: ["Inscriptions"],
        sessions: ["Visites"],
        page_views: ["Pages consultées"],
        downloads: ["Ressources téléchargées"],
      },
    });
    const result = await bed.importFile(fixture("monthly-renamed-1252.csv"), "TD");
    expect(result).toMatchObject({ status: "loaded", rowsRead: 4, rowsLoaded: 3 });
    const platform = "Tchad Éducation en ligne";
    expect(await bed.usage()).toEqual([
      day("2026-01-01", 5120, 830, 9400, 31200, 2050, "TD", platform),
      day("2026-02-01", 5480, 790, 9950, 33010, 2230, "TD", platform),
      day("2026-03-01", 6010, 905, 10870, 36500, 2510, "TD", platform),
    ]);
    expect(await bed.ctx.warehouse.all("SELECT country_code, platform, granularity FROM core.national_platforms")).toEqual([
      { country_code: "TD", platform, granularity: "month" },
    ]);
  });

  it("reads Excel serial dates and a percentage column declared as a share of active users", async () => {
    bed.profile("NE", {
      platform: "Niger e-école",
      columns: { active_users: ["Actifs"], new_users: { headers: ["Part de nouveaux"], percentOf: "active_users" } },
    });
    const result = await bed.importFile(fixture("serial-dates-percent.csv"), "NE");
    expect(result).toMatchObject({ status: "loaded", rowsLoaded: 2 });
    expect(await bed.usage()).toEqual([
      day("2026-02-01", 1000, 125, null, null, null, "NE", "Niger e-école"),
      day("2026-02-02", 800, 80, null, null, null, "NE", "Niger e-école"),
    ]);
  });

  it("names Windows-1252 characters (€) right in what it rejects", async () => {
    await bed.importFile(fixture("bad-rows-1252.csv"), "SN");
    const rejects = await bed.ctx.warehouse.all<{ value: string }>(`SELECT value FROM ops.rejects WHERE "column" = 'Téléchargements'`);
    expect(rejects).toEqual([{ value: "40 €" }]);
  });
});
