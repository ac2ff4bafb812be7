import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImaginEcoleError } from "../../../src/core/errors.ts";
import { fixture, openTestBed, snapshot, type TestBed } from "./helpers.ts";

let bed: TestBed;
beforeEach(async () => {
  bed = await openTestBed();
  await bed.importFile(fixture("excel-fr-semicolon-1252.csv"), "SN");
});
afterEach(() => bed.close());

describe("importNationalCsv refuses a whole file (exit 1) and leaves the warehouse as it was", () => {
  const cases: [string, RegExp][] = [
    ["empty.csv", /^empty\.csv: the file is empty\. Export/],
    ["header-only.csv", /^header-only\.csv: only the header is present \(line 1\), no data rows/],
    ["workbook-saved-as.csv", /^workbook-saved-as\.csv: this is not a CSV file but an Excel workbook \(\.xlsx\).*save it as CSV/],
    ["truncated-quote.csv", /^truncated-quote\.csv: quote opened on line 3 and never closed: the file is truncated/],
    ["unknown-encoding.csv", /^unknown-encoding\.csv: unreadable encoding on line 3 \(byte 0x81 is neither UTF-8 nor Windows-1252\)\. Save the file as "CSV UTF-8"/],
    ["missing-column.csv", /^missing-column\.csv: required column missing from the header \(line 1\): « Utilisateurs actifs »\. Headers found: Jour \| Sessions \| Pages vues\. Rename the column, or if the platform names it otherwise, create the country's profile in pipelines\/profiles\/national\//],
  ];
  for (const [name, message] of cases) {
    it(`refuses ${name} with a message naming the file and the place`, async () => {
      const before = await snapshot(bed.ctx.warehouse);
      const result = await bed.importFile(fixture(name), "SN");
      expect(result.status).toBe("failed");
      expect(result.error).toBeInstanceOf(ImaginEcoleError);
      expect((result.error as ImaginEcoleError).exitCode).toBe(1);
      expect(result.message).toMatch(message);
      expect((result.error as ImaginEcoleError).bilingual.fr).toContain(name);
      expect(await snapshot(bed.ctx.warehouse)).toBe(before);
      const load = await bed.ctx.warehouse.one("SELECT status, message FROM ops.loads WHERE load_id = $1", [result.loadId]);
      expect(load).toEqual({ status: "failed", message: result.message });
    });
  }

  it("refuses a file whose only row is a totals row as header only", async () => {
    const before = await snapshot(bed.ctx.warehouse);
    const path = `${bed.dir}/totals-only.csv`;
    await import("node:fs").then((fs) => fs.writeFileSync(path, "Date;Utilisateurs actifs\r\nTotal;1200\r\n"));
    const result = await bed.importFile(path, "SN");
    expect(result).toMatchObject({ status: "failed" });
    expect(result.message).toMatch(/totals-only\.csv: only the header is present \(line 1\)/);
    expect(await snapshot(bed.ctx.warehouse)).toBe(before);
  });
});

describe("importNationalCsv refuses bad rows (exit 3) and loads the rest", () => {
  it("rejects non-numeric, negative, impossible, future and missing dates, naming file:line, column and what to do", async () => {
    const result = await bed.importFile(fixture("bad-rows-1252.csv"), "SN");
    expect(result).toMatchObject({ status: "loaded_with_rejects", rowsRead: 7, rowsLoaded: 1, rowsRejected: 6 });
    const rejects = await bed.ctx.warehouse.all(
      `SELECT location, "column", value, reason_en, reason_fr FROM ops.rejects WHERE load_id = $1 ORDER BY location`,
      [result.loadId],
    );
    expect(rejects).toEqual([
      {
        location: "bad-rows-1252.csv:3",
        column: "Utilisateurs actifs",
        value: "n/d",
        reason_en: '"n/d" is not a number: enter a whole number (e.g. 1234) or leave the cell empty.',
        reason_fr: "« n/d » n'est pas un nombre : saisissez un nombre entier (ex. 1 234) ou laissez la cellule vide.",
      },
      {
        location: "bad-rows-1252.csv:4",
        column: "Utilisateurs actifs",
        value: "-12",
        reason_en: '"-12" is negative: a count cannot be; fix the value.',
        reason_fr: "« -12 » est négatif : un comptage ne peut pas l'être ; corrigez la valeur.",
      },
      {
        location: "bad-rows-1252.csv:5",
        column: "Téléchargements",
        value: "40 €",
        reason_en: '"40 €" is not a number: enter a whole number (e.g. 1234) or leave the cell empty.',
        reason_fr: "« 40 € » n'est pas un nombre : saisissez un nombre entier (ex. 1 234) ou laissez la cellule vide.",
      },
      {
        location: "bad-rows-1252.csv:6",
        column: "Date",
        value: "31/02/2026",
        reason_en: '"31/02/2026" is not a readable date: write it dd/mm/yyyy (e.g. 05/01/2026) or declare its format (dateFormat) in the profile.',
        reason_fr: "« 31/02/2026 » n'est pas une date lisible : écrivez-la jj/mm/aaaa (ex. 05/01/2026) ou déclarez son format (dateFormat) dans le profil.",
      },
      {
        location: "bad-rows-1252.csv:7",
        column: "Date",
        value: "05/12/2026",
        reason_en: "The date 05/12/2026 is in the future (today: 28/11/2026): fix the day or the year.",
        reason_fr: "La date 05/12/2026 est dans le futur (aujourd'hui : 28/11/2026) : corrigez le jour ou l'année.",
      },
      {
        location: "bad-rows-1252.csv:8",
        column: "Date",
        value: null,
        reason_en: "Missing date: fill in this row's day (dd/mm/yyyy) or delete the row.",
        reason_fr: "Date absente : indiquez le jour de cette ligne (jj/mm/aaaa) ou supprimez la ligne.",
      },
    ]);
    const loaded = await bed.ctx.warehouse.all("SELECT strftime(day, '%Y-%m-%d') AS day FROM core.national_usage WHERE load_id = $1", [result.loadId]);
    expect(loaded).toEqual([{ day: "2026-06-01" }]);
  });

  it("refuses every row of a day given twice, naming both lines", async () => {
    const path = `${bed.dir}/twice.csv`;
    await import("node:fs").then((fs) => fs.writeFileSync(path, "Date;Utilisateurs actifs\r\n01/07/2026;10\r\n02/07/2026;11\r\n01/07/2026;12\r\n"));
    const result = await bed.importFile(path, "SN");
    expect(result).toMatchObject({ status: "loaded_with_rejects", rowsLoaded: 1, rowsRejected: 2 });
    const rejects = await bed.ctx.warehouse.all<{ location: string; reason_en: string }>(
      "SELECT location, reason_en FROM ops.rejects WHERE load_id = $1 ORDER BY location",
      [result.loadId],
    );
    expect(rejects.map((r) => r.location)).toEqual(["twice.csv:2", "twice.csv:4"]);
    expect(rejects[0]!.reason_en).toBe('The day "01/07/2026" appears on several rows for the same platform (lines 2, 4): none is loaded; keep only one.');
  });

  it("rejects extra fields, months in a daily file, fractions, percentages and blank dates, under a title, naming their lines", async () => {
    const path = `${bed.dir}/more.csv`;
    const text = [
      "Statistiques de fréquentation - juillet 2026",
      "",
      "Date;Utilisateurs actifs;Nouveaux utilisateurs",
      "01/07/2026;10;1",
      "02/07/2026;11;1;surplus",
      "juillet 2026;300;20",
      "03/07/2026;12,5;1",
      "04/07/2026;13;8 %",
      "   ;14;1",
      "05/07/2026; 15 ;2",
      "",
    ].join("\r\n");
    await import("node:fs").then((fs) => fs.writeFileSync(path, text));
    const result = await bed.importFile(path, "SN");
    expect(result).toMatchObject({ status: "loaded_with_rejects", rowsRead: 7, rowsLoaded: 2, rowsRejected: 5 });
    const rejects = await bed.ctx.warehouse.all<{ location: string; column: string | null; value: string; reason_en: string }>(
      'SELECT location, "column", value, reason_en FROM ops.rejects WHERE load_id = $1',
      [result.loadId],
    );
    expect(rejects.map((r) => [r.location, r.column, r.value])).toEqual([
      ["more.csv:5", null, "surplus"],
      ["more.csv:6", "Date", "juillet 2026"],
      ["more.csv:7", "Utilisateurs actifs", "12,5"],
      ["more.csv:8", "Nouveaux utilisateurs", "8 %"],
      ["more.csv:9", "Date", "   "],
    ]);
    expect(rejects[0]!.reason_en).toMatch(/more fields than the header \("surplus" is extra\)/);
    expect(rejects[1]!.reason_en).toMatch(/is a month while this file gives one day per row/);
    expect(rejects[2]!.reason_en).toMatch(/is not a whole number/);
    expect(rejects[3]!.reason_en).toMatch(/is a percentage where a number is expected.*percentOf/);
    expect(rejects[4]!.reason_en).toMatch(/^Missing date/);
    const loaded = await bed.ctx.warehouse.all("SELECT strftime(day, '%d') AS d, active_users FROM core.national_usage WHERE load_id = $1 ORDER BY day", [
      result.loadId,
    ]);
    expect(loaded).toEqual([
      { d: "01", active_users: 10 },
      { d: "05", active_users: 15 },
    ]);
  });

  it("check (dry run) reports the same rejects and writes nothing, not even ops.loads", async () => {
    const before = await snapshot(bed.ctx.warehouse);
    const loadsBefore = await bed.ctx.warehouse.scalar("SELECT count(*) FROM ops.loads");
    const result = await bed.importFile(fixture("bad-rows-1252.csv"), "SN", { dryRun: true });
    expect(result).toMatchObject({ status: "loaded_with_rejects", rowsLoaded: 1, rowsRejected: 6 });
    expect(result.rejects?.map((r) => r.location).sort()).toEqual([3, 4, 5, 6, 7, 8].map((n) => `bad-rows-1252.csv:${n}`));
    expect(await snapshot(bed.ctx.warehouse)).toBe(before);
    expect(await bed.ctx.warehouse.scalar("SELECT count(*) FROM ops.loads")).toBe(loadsBefore);
  });

  it("check of a refused file says why and writes nothing", async () => {
    const loadsBefore = await bed.ctx.warehouse.scalar("SELECT count(*) FROM ops.loads");
    const result = await bed.importFile(fixture("truncated-quote.csv"), "SN", { dryRun: true });
    expect(result.status).toBe("failed");
    expect(result.message).toMatch(/truncated-quote\.csv: quote opened on line 3/);
    expect(await bed.ctx.warehouse.scalar("SELECT count(*) FROM ops.loads")).toBe(loadsBefore);
  });
});
