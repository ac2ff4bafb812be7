import { copyFileSync, existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runNationalCsv } from "../../../src/sources/national-csv/index.ts";
import { day, fixture, openTestBed, type TestBed } from "./helpers.ts";

let bed: TestBed;
beforeEach(async () => (bed = await openTestBed()));
afterEach(() => bed.close());

const count = (bed: TestBed, sql: string) => bed.ctx.warehouse.scalar<number>(sql);

describe("national exports loaded again", () => {
  it("the same file twice is skipped the second time and leaves the counts unchanged", async () => {
    const first = await bed.importFile(fixture("excel-fr-semicolon-1252.csv"), "SN");
    const usage = await bed.usage();
    const second = await bed.importFile(fixture("excel-fr-semicolon-1252.csv"), "SN");
    expect(first.status).toBe("loaded");
    expect(second).toMatchObject({ status: "skipped", rowsLoaded: 0 });
    expect(await bed.usage()).toEqual(usage);
    expect(await count(bed, "SELECT count(*) FROM core.national_usage")).toBe(4);
  });

  it("a corrected file replaces the days it covers, keeps the others, and ops.loads says which file won", async () => {
    const first = await bed.importFile(fixture("excel-fr-semicolon-1252.csv"), "SN");
    const corrected = await bed.importFile(fixture("excel-fr-semicolon-1252-corrected.csv"), "SN");
    expect(corrected).toMatchObject({ status: "loaded", rowsLoaded: 3 });
    expect(await bed.usage()).toEqual([
      day("2026-03-01", 1204, 85, 1530, 4210, 312),
      day("2026-03-02", 1187, 64, 1498, 4102, 298),
      day("2026-03-03", 990, 42, 1210, 3380, 252),
      day("2026-03-04", 1322, 103, 1700, 4880, 341),
      day("2026-03-05", 1290, 99, 1655, 4790, 333),
    ]);
    const sources = await bed.ctx.warehouse.all(
      `SELECT strftime(n.day, '%d') AS day, l.location FROM core.national_usage n JOIN ops.loads l USING (load_id) ORDER BY n.day`,
    );
    expect(sources.map((s) => [s.day, String(s.location).endsWith("-corrected.csv")])).toEqual([
      ["01", false],
      ["02", false],
      ["03", true],
      ["04", true],
      ["05", true],
    ]);
    expect(first.loadId).not.toBe(corrected.loadId);
  });
});

describe("runNationalCsv(ctx, source) over the drop folder", () => {
  function drop(country: string, name: string, from: string, mtime: number): string {
    const dir = join(bed.dir, "inbox", country);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, name);
    copyFileSync(from, path);
    utimesSync(path, mtime, mtime);
    return path;
  }
  const source = () => ({
    kind: "national-csv" as const,
    name: "national-platforms",
    inbox: "inbox",
    archive: "archive",
    profiles: bed.profilesDir,
  });

  it("imports every country folder oldest file first, archives by hash, and skips everything on the next run", async () => {
    drop("SN", "mars-corrige.csv", fixture("excel-fr-semicolon-1252-corrected.csv"), 2_000_000);
    const original = drop("SN", "mars.csv", fixture("excel-fr-semicolon-1252.csv"), 1_000_000);
    drop("BJ", "avril.csv", fixture("excel-csv-utf8-bom.csv"), 1_000_000);

    const results = await runNationalCsv(bed.ctx, source());
    expect(results.map((r) => [r.location.split("/").slice(-2).join("/"), r.status])).toEqual([
      ["BJ/avril.csv", "loaded"],
      ["SN/mars.csv", "loaded"],
      ["SN/mars-corrige.csv", "loaded"],
    ]);
    expect((await bed.usage()).filter((u) => u.day === "2026-03-03")).toEqual([day("2026-03-03", 990, 42, 1210, 3380, 252)]);

    const sha = createHash("sha256").update(readFileSync(original)).digest("hex");
    const archived = join(bed.dir, "archive", "SN", `${sha}.csv`);
    expect(existsSync(archived)).toBe(true);
    expect(readFileSync(archived).equals(readFileSync(original))).toBe(true);

    const again = await runNationalCsv(bed.ctx, source());
    expect(again.map((r) => r.status)).toEqual(["skipped", "skipped", "skipped"]);
    expect(await count(bed, "SELECT count(*) FROM core.national_usage")).toBe(7);
  });

  it("records a bad profile as failed loads for that country and goes on with the others", async () => {
    drop("SN", "mars.csv", fixture("excel-fr-semicolon-1252.csv"), 1_000_000);
    drop("BJ", "avril.csv", fixture("excel-csv-utf8-bom.csv"), 1_000_000);
    bed.profile("BJ", { platform: "Bénin", granularity: "weekly" });
    const results = await runNationalCsv(bed.ctx, source());
    expect(results.map((r) => r.status)).toEqual(["failed", "loaded"]);
    expect(results[0]!.message).toMatch(/Import profile BJ\.json: "granularity" must be "day", "month", "auto"/);
  });

  it("an 11th country is one profile file in the configuration, no code", async () => {
    bed.profile("MG", {
      platform: "Madagascar Sekoly an-tserasera",
      timezone: "Indian/Antananarivo",
      delimiter: ";",
      decimal: ",",
      encoding: "windows-1252",
      dateFormat: "dd.mm.yyyy",
      columns: {
        date: ["Daty"],
        active_users: ["Mpampiasa mavitrika"],
        new_users: ["Mpampiasa vaovao"],
        page_views: ["Pejy novangiana"],
      },
    });
    const dir = join(bed.dir, "inbox", "MG");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "export.csv"),
      Buffer.from("Daty;Mpampiasa mavitrika;Mpampiasa vaovao;Pejy novangiana\r\n01.10.2026;312;20;1\xa0204\r\n02.10.2026;298;18;1\xa0187\r\n", "latin1"),
    );
    const [result] = await runNationalCsv(bed.ctx, source());
    expect(result).toMatchObject({ status: "loaded", rowsLoaded: 2 });
    expect(await bed.usage()).toEqual([
      day("2026-10-01", 312, 20, null, 1204, null, "MG", "Madagascar Sekoly an-tserasera"),
      day("2026-10-02", 298, 18, null, 1187, null, "MG", "Madagascar Sekoly an-tserasera"),
    ]);
  });
});
