import { writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestBed, type TestBed } from "./helpers.ts";

// Files over 10,000 records are parsed and inserted another way (see checkedSql and
// SMALL_FILE_RECORDS in load.ts): both ways must load, reject and replace the same rows. A large
// file is first inserted in one pass without record numbers (national_usage_direct.sql), kept only
// when every data record loaded; the tests below each give it one reason to take the full way.
const HEADER = "Date;Plateforme;Utilisateurs actifs;Nouveaux utilisateurs";
const PROBLEMS = [
  "01/07/2026;A;10;1;surplus",
  "juillet 2026;A;300;20",
  "02/07/2026;A;12,5;1",
  "03/07/2026;A;13;8 %",
  "   ;A;14;1",
  "04/07/2026;A;-3;1",
  "05/07/2026;A;15;2",
  "05/07/2026;A;16;2",
  "Total;A;99999;999",
  // DuckDB's cast alone would read these as numbers.
  "06/07/2026;A;+12;1",
  "07/07/2026;A;1e2;1",
  "08/07/2026;A;0x10;1",
];
const PLATFORMS = 40;
const DAYS = 260;

/** 40 platforms over 260 days of 2026 up to 17 September, every figure readable. */
function goodRows(activeOffset = 0): string[] {
  const rows: string[] = [];
  for (let d = 0; d < DAYS; d++) {
    const date = new Date(Date.UTC(2026, 0, 1 + d));
    const text = `${String(date.getUTCDate()).padStart(2, "0")}/${String(date.getUTCMonth() + 1).padStart(2, "0")}/2026`;
    for (let p = 0; p < PLATFORMS; p++) rows.push(`${text};P${p};${1000 + d + p + activeOffset};${p}`);
  }
  return rows;
}

let bed: TestBed;
beforeEach(async () => {
  bed = await openTestBed();
});
afterEach(() => bed.close());

async function rejectsOf(loadId: string) {
  const rows = await bed.ctx.warehouse.all<{ location: string; column: string | null; value: string | null; reason_en: string }>(
    'SELECT location, "column", value, reason_en FROM ops.rejects WHERE load_id = $1',
    [loadId],
  );
  return rows.map((r) => [r.location.replace(/^[^:]+:/, ""), r.column, r.value, r.reason_en]);
}

describe("a file over 10,000 records", () => {
  it("rejects the same cells on the same lines as a small file, and loads every other row", async () => {
    const small = `${bed.dir}/small.csv`;
    writeFileSync(small, [HEADER, ...PROBLEMS, ""].join("\r\n"));
    const large = `${bed.dir}/large.csv`;
    writeFileSync(large, [HEADER, ...PROBLEMS, ...goodRows(), ""].join("\r\n"));

    const smallResult = await bed.importFile(small, "SN", { dryRun: true });
    const largeResult = await bed.importFile(large, "SN");

    expect(smallResult).toMatchObject({ status: "loaded_with_rejects", rowsLoaded: 0, rowsRejected: 11 });
    expect(largeResult).toMatchObject({
      status: "loaded_with_rejects",
      rowsRead: PROBLEMS.length + PLATFORMS * DAYS,
      rowsLoaded: PLATFORMS * DAYS,
      rowsRejected: 11,
    });
    const expected = smallResult.rejects!.map((r) => [r.location.replace(/^[^:]+:/, ""), r.column, r.value, r.reason.en]);
    const got = await rejectsOf(largeResult.loadId);
    expect(got).toEqual(expected);
    expect(got.map((r) => r.slice(0, 3))).toEqual([
      ["2", null, "surplus"],
      ["3", "Date", "juillet 2026"],
      ["4", "Utilisateurs actifs", "12,5"],
      ["5", "Nouveaux utilisateurs", "8 %"],
      ["6", "Date", "   "],
      ["7", "Utilisateurs actifs", "-3"],
      ["8", "Date", "05/07/2026"],
      ["9", "Date", "05/07/2026"],
      ["11", "Utilisateurs actifs", "+12"],
      ["12", "Utilisateurs actifs", "1e2"],
      ["13", "Utilisateurs actifs", "0x10"],
    ]);
    expect(got[7]![3]).toMatch(/appears on several rows for the same platform \(lines 8, 9\)/);
    const usage = await bed.ctx.warehouse.one<{ rows: number; keys: number; most: number }>(
      "SELECT count(*)::INTEGER AS rows, count(DISTINCT (platform, day))::INTEGER AS keys, max(active_users)::INTEGER AS most FROM core.national_usage",
    );
    expect(usage).toEqual({ rows: PLATFORMS * DAYS, keys: PLATFORMS * DAYS, most: 1000 + DAYS - 1 + PLATFORMS - 1 });
  });

  it("a corrected large file replaces the days it covers, once each", async () => {
    const first = `${bed.dir}/first.csv`;
    writeFileSync(first, [HEADER, ...goodRows(), ""].join("\r\n"));
    const corrected = `${bed.dir}/corrected.csv`;
    writeFileSync(corrected, [HEADER, ...goodRows(5).slice(PLATFORMS * 10), ""].join("\r\n"));

    const limit = () => bed.ctx.warehouse.scalar("SELECT current_setting('memory_limit')");
    const before = await limit();
    expect(await bed.importFile(first, "SN")).toMatchObject({ status: "loaded", rowsLoaded: PLATFORMS * DAYS });
    // The import's lower memory limit is lifted afterwards.
    expect(await limit()).toBe(before);
    const second = await bed.importFile(corrected, "SN");
    expect(second).toMatchObject({ status: "loaded", rowsLoaded: PLATFORMS * (DAYS - 10) });

    const byLoad = await bed.ctx.warehouse.all<{ load_id: string; rows: number; keys: number }>(
      "SELECT load_id, count(*)::INTEGER AS rows, count(DISTINCT (platform, day))::INTEGER AS keys FROM core.national_usage GROUP BY load_id ORDER BY rows",
    );
    expect(byLoad.map((r) => [r.load_id === second.loadId ? "corrected" : "first", r.rows, r.keys])).toEqual([
      ["first", PLATFORMS * 10, PLATFORMS * 10],
      ["corrected", PLATFORMS * (DAYS - 10), PLATFORMS * (DAYS - 10)],
    ]);
    const day = await bed.ctx.warehouse.one("SELECT active_users FROM core.national_usage WHERE platform = 'P3' AND day = DATE '2026-09-17'");
    expect(day).toEqual({ active_users: 1000 + DAYS - 1 + 3 + 5 });
  });

  it("a refused large file leaves the warehouse and its memory limit as they were", async () => {
    const limit = () => bed.ctx.warehouse.scalar("SELECT current_setting('memory_limit')");
    const before = await limit();
    const path = `${bed.dir}/separators.csv`;
    writeFileSync(path, [HEADER, ...Array.from({ length: 10_500 }, () => ";;;"), ""].join("\r\n"));
    const result = await bed.importFile(path, "SN");
    expect(result.status).toBe("failed");
    expect(result.message).toMatch(/^separators\.csv: only the header is present \(line 1\)/);
    expect(await limit()).toBe(before);
    expect(await bed.usage()).toEqual([]);
  });
});

describe("a file over 10,000 records that the one-pass insert cannot keep", () => {
  const write = (name: string, lines: string[]) => {
    const path = `${bed.dir}/${name}`;
    writeFileSync(path, [...lines, ""].join("\r\n"));
    return path;
  };
  const usage = () =>
    bed.ctx.warehouse.one<{ rows: number; keys: number; platforms: string }>(
      "SELECT count(*)::INTEGER AS rows, count(DISTINCT (platform, day))::INTEGER AS keys, string_agg(DISTINCT platform, ',' ORDER BY platform) AS platforms FROM core.national_usage",
    );

  it("refuses both rows of a day given twice, on their lines, and loads the others", async () => {
    const rows = goodRows();
    const path = write("twice.csv", [HEADER, ...rows, rows[123]!]);
    const result = await bed.importFile(path, "SN");
    expect(result).toMatchObject({ status: "loaded_with_rejects", rowsRead: rows.length + 1, rowsLoaded: rows.length - 1, rowsRejected: 2 });
    const got = await rejectsOf(result.loadId);
    expect(got.map((r) => r.slice(0, 3))).toEqual([
      ["125", "Date", rows[123]!.split(";")[0]],
      [String(rows.length + 2), "Date", rows[123]!.split(";")[0]],
    ]);
    expect(got[0]![3]).toMatch(new RegExp(`lines 125, ${rows.length + 2}\\)`));
    expect(await usage()).toMatchObject({ rows: rows.length - 1, keys: rows.length - 1 });
  });

  it("does not load a title line above the header that reads as a day", async () => {
    // With the totals row, as many records load in one pass as there are data records.
    const path = write("title.csv", ["01/07/2026;Rapport", HEADER, ...goodRows(), "Total;;99999;999"]);
    const result = await bed.importFile(path, "SN");
    expect(result).toMatchObject({ status: "loaded", rowsRead: PLATFORMS * DAYS + 1, rowsLoaded: PLATFORMS * DAYS });
    expect(await usage()).toMatchObject({ rows: PLATFORMS * DAYS, keys: PLATFORMS * DAYS });
    expect((await usage())!.platforms).not.toContain("Rapport");
  });

  it("skips a blank row and a totals row, names the totals line, and loads the others", async () => {
    const rows = goodRows();
    const path = write("totals.csv", [HEADER, ...rows.slice(0, 100), ";;;", ...rows.slice(100), "Total;;99999;999"]);
    const result = await bed.importFile(path, "SN");
    expect(result).toMatchObject({ status: "loaded", rowsRead: rows.length + 1, rowsLoaded: rows.length, rowsRejected: 0 });
    expect(bed.logs.at(-1)).toMatch(new RegExp(`totals row\\(s\\) skipped: ${rows.length + 3}\\.$`));
  });

  it("a corrected file with a totals row replaces the days it covers, once each", async () => {
    expect(await bed.importFile(write("first.csv", [HEADER, ...goodRows()]), "SN")).toMatchObject({ status: "loaded" });
    const corrected = await bed.importFile(write("corrected.csv", [HEADER, ...goodRows(5).slice(PLATFORMS * 10), "Total;;99999;999"]), "SN");
    expect(corrected).toMatchObject({ status: "loaded", rowsLoaded: PLATFORMS * (DAYS - 10) });
    expect(await usage()).toMatchObject({ rows: PLATFORMS * DAYS, keys: PLATFORMS * DAYS });
    const byLoad = await bed.ctx.warehouse.all<{ mine: boolean; rows: number }>(
      "SELECT load_id = $1 AS mine, count(*)::INTEGER AS rows FROM core.national_usage GROUP BY ALL ORDER BY mine",
      [corrected.loadId],
    );
    expect(byLoad).toEqual([
      { mine: false, rows: PLATFORMS * 10 },
      { mine: true, rows: PLATFORMS * (DAYS - 10) },
    ]);
    const day = await bed.ctx.warehouse.one("SELECT active_users FROM core.national_usage WHERE platform = 'P3' AND day = DATE '2026-09-17'");
    expect(day).toEqual({ active_users: 1000 + DAYS - 1 + 3 + 5 });
  });

  it("stores platforms written with spaces around them trimmed", async () => {
    const path = write("spaces.csv", [HEADER, ...goodRows().map((r) => r.replace(";P7;", ";  P7 ;"))]);
    const result = await bed.importFile(path, "SN");
    expect(result).toMatchObject({ status: "loaded", rowsLoaded: PLATFORMS * DAYS });
    const usageNow = await usage();
    expect(usageNow).toMatchObject({ rows: PLATFORMS * DAYS, keys: PLATFORMS * DAYS });
    expect(usageNow!.platforms.split(",")).toContain("P7");
    const platforms = await bed.ctx.warehouse.all("SELECT platform FROM core.national_platforms WHERE platform LIKE '%P7%'");
    expect(platforms).toEqual([{ platform: "P7" }]);
  });

  it("loads a file of month labels as months", async () => {
    const months = ["janv. 2026", "févr. 2026", "mars 2026", "avr. 2026", "mai 2026", "juin 2026", "juil. 2026", "août 2026", "sept. 2026", "oct. 2026", "nov. 2026", "déc. 2025"];
    const lines = Array.from({ length: 900 }, (_, p) => months.map((m, i) => `${m};P${p};${p + i};1`)).flat();
    const result = await bed.importFile(write("months.csv", [HEADER, ...lines]), "SN");
    expect(result).toMatchObject({ status: "loaded", rowsLoaded: lines.length });
    const days = await bed.ctx.warehouse.all("SELECT DISTINCT strftime(day, '%Y-%m-%d') AS d FROM core.national_usage ORDER BY d");
    expect(days.map((d) => d.d)).toEqual([
      "2025-12-01", "2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01",
      "2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01", "2026-11-01",
    ]);
    expect(await bed.ctx.warehouse.one("SELECT granularity FROM core.national_platforms WHERE platform = 'P0'")).toEqual({ granularity: "month" });
  });

  it("checking a clean large file writes nothing", async () => {
    const result = await bed.importFile(write("clean.csv", [HEADER, ...goodRows()]), "SN", { dryRun: true });
    expect(result).toMatchObject({ status: "loaded", rowsLoaded: PLATFORMS * DAYS, rowsRejected: 0 });
    expect(await usage()).toMatchObject({ rows: 0 });
    expect(await bed.ctx.warehouse.scalar("SELECT count(*) FROM ops.loads")).toBe(0);
  });
});
