import { writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestBed, type TestBed } from "./helpers.ts";

// Files over 10,000 records are parsed and inserted another way (see checkedSql and
// SMALL_FILE_RECORDS in load.ts): both ways must load, reject and replace the same rows.
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

    expect(smallResult).toMatchObject({ status: "loaded_with_rejects", rowsLoaded: 0, rowsRejected: 8 });
    expect(largeResult).toMatchObject({
      status: "loaded_with_rejects",
      rowsRead: PROBLEMS.length + PLATFORMS * DAYS,
      rowsLoaded: PLATFORMS * DAYS,
      rowsRejected: 8,
    });
    const expected = smallResult.rejects!.map((r) => [r.location.replace(/^[^:]+:/, ""), r.column, r.value, r.reasonEn]);
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
