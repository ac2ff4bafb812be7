// The demo, as a donor would ask for it: the third quarter of 2026, exported after the demo run
// (whose loads all came after that quarter), in every format. And the same figures whatever
// DuckDB's thread count: two builds of the mart and two exports, one under SET threads = 1 and
// one under SET threads = 4, give equal mart tables, byte-identical CSV, JSON and Parquet files and
// the same workbook cells. The demo run is the suite's shared one (test/support/shared-demo.ts),
// on a copy of its warehouse.
import { spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { exportSnapshot } from "../../src/export/index.ts";
import { buildMart } from "../../src/mart/build.ts";
import { loadConfig } from "../../src/config/pipelines.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import { cli, demoConfig, ROOT, tempDir, TODAY, type CliResult } from "../support/cli.ts";
import { copyOfSharedWarehouse, sharedDemo } from "../support/shared-demo.ts";

const SCHEMA = join(ROOT, "../shared/fixtures/real/iati/iati-activities-schema.xsd");
const NOW = new Date(`${TODAY}T12:00:00Z`);

const dir = tempDir("imaginecole-period-");
const db = join(dir, "warehouse.duckdb");
let config: string;
const marts: Record<number, Record<string, string>> = {};
let exported: CliResult;
const out = join(dir, "2026-Q3");

type Table = Array<Record<string, unknown>>;
let tables: Record<string, Table>;

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(join(root, f)).isFile())
    .map((f) => relative(root, join(root, f)))
    .sort();
}

async function martTables(w: Warehouse): Promise<Record<string, string>> {
  const names = await w.all<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'mart' ORDER BY 1");
  const dump: Record<string, string> = {};
  for (const { t } of names) dump[t] = JSON.stringify((await w.read(`SELECT * FROM mart.${t} ORDER BY ALL`)).getRowsJson());
  return dump;
}

beforeAll(async () => {
  const demo = await sharedDemo();
  config = demoConfig(dir, demo.inputs);
  expect(demo.run.code, demo.run.stderr).toBe(3);
  await copyOfSharedWarehouse(db);
  const w = await Warehouse.open(db);
  try {
    const phase = loadConfig(ROOT, config).config.phase;
    for (const threads of [1, 4]) {
      await w.run(`SET threads = ${threads}`);
      await buildMart(w, { now: NOW, phase });
      marts[threads] = await martTables(w);
      await exportSnapshot(w, { period: "2026-Q3", outDir: join(dir, `threads-${threads}`), formats: ["csv", "json", "parquet", "xlsx"], lang: "fr", version: "0.1.0" });
    }
  } finally {
    w.close();
  }
  exported = cli(["export", "--config", config, "--db", db, "--period", "2026-Q3", "--out", out, "--format", "xlsx,csv,parquet,json,pdf,iati"]);
  tables = (JSON.parse(readFileSync(join(out, "imaginecole-2026-Q3.json"), "utf8")) as { tables: Record<string, Table> }).tables;
}, 600_000);


describe("the demo's figures under SET threads = 1 and SET threads = 4", () => {
  it("builds equal mart tables", () => {
    expect(Object.keys(marts[1]!)).toContain("indicator_periods");
    for (const table of Object.keys(marts[1]!)) expect(marts[4]![table], table).toBe(marts[1]![table]);
  });

  it("exports byte-identical CSV, JSON and Parquet files", () => {
    const files = filesUnder(join(dir, "threads-1")).filter((f) => /\.(csv|json|parquet)$/.test(f) && f !== "manifest.json");
    expect(files.length).toBe(13);
    for (const file of files) {
      expect(readFileSync(join(dir, "threads-4", file)).equals(readFileSync(join(dir, "threads-1", file))), file).toBe(true);
    }
  });

  it("fills the workbook's sheets with the same cells", async () => {
    const cells = async (threads: number) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(dir, `threads-${threads}`, "imaginecole-2026-Q3-fr.xlsx"));
      // The read-me says when the files were written; every other sheet is data.
      return workbook.worksheets.slice(1).map((sheet) => JSON.stringify(sheet.getSheetValues()));
    };
    const [one, four] = [await cells(1), await cells(4)];
    expect(one).toHaveLength(6);
    expect(four).toEqual(one);
  });
});

describe("imaginecole export --period 2026-Q3 on the demo", () => {
  it("writes every format, the citation last on screen, and exits 0", () => {
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/Citation: ImaginEcole indicators, snapshot 2026-Q3, produced 2026-11-28, manifest sha256 [0-9a-f]{64}\n$/);
    for (const file of ["imaginecole-2026-Q3-en.xlsx", "imaginecole-2026-Q3-en.pdf", "imaginecole-2026-Q3-iati.xml", "csv/figures.csv", "parquet/figures.parquet"]) {
      expect(filesUnder(out), file).toContain(file);
    }
  });

  it("gives the quarter's figures for every country and all countries together, people counted once", () => {
    const figures = tables.figures!;
    expect(new Set(figures.map((r) => r.period))).toEqual(new Set(["2026-Q3"]));
    const mau = (country: string) => figures.find((r) => r.country_code === country && r.indicator_id === "monthly_active_users" && r.disaggregation === "")!;
    const countries = [...new Set(figures.map((r) => String(r.country_code)))].filter((c) => c !== "ALL");
    expect(countries.length).toBe(10);
    // Distinct users of the quarter: at most the sum of the countries', at least the largest.
    const each = countries.map((c) => Number(mau(c).value ?? 0));
    expect(Number(mau("ALL").value)).toBeLessThanOrEqual(each.reduce((a, b) => a + b, 0));
    expect(Number(mau("ALL").value)).toBeGreaterThanOrEqual(Math.max(...each));
    // Whole people everywhere.
    for (const r of figures.filter((r) => r.unit === "users" || r.unit === "count")) {
      for (const key of ["value", "running_total", "target"]) if (typeof r[key] === "number") expect(Number.isInteger(r[key]), `${r.indicator_id} ${key}`).toBe(true);
    }
    expect(figures.some((r) => r.country_code === "ALL" && String(r.disaggregation).startsWith("region="))).toBe(false);
    expect(figures.some((r) => r.country_code !== "ALL" && String(r.disaggregation).startsWith("region="))).toBe(true);
  });

  it("lists in the provenance the loads whose data the quarter uses, all made after it ended", () => {
    const provenance = tables.provenance!;
    expect(provenance.length).toBeGreaterThan(100);
    expect(new Set(provenance.map((r) => r.source))).toEqual(new Set(["reference", "xapi", "sheet", "national-csv"]));
    expect(provenance.every((r) => String(r.started_at) > "2026-09-30")).toBe(true);
    // No export of October or November is used by the third quarter.
    expect(provenance.some((r) => /2026[-_]1[01]\.csv$/.test(String(r.location)))).toBe(false);
  });

  it("gives a quality table that agrees with the reporting indicators' figures since the phase start", () => {
    const figures = tables.figures!;
    const quality = tables.quality!.filter((q) => q.country_code !== "");
    expect(quality.length).toBe(20);
    for (const q of quality) {
      const indicator = (id: string) => figures.find((r) => r.country_code === q.country_code && r.indicator_id === id && r.disaggregation === `source=${q.source}`)!;
      expect(q.completeness, `${q.country_code} ${q.source}`).toBe(indicator("reporting_completeness").running_total);
      expect(q.timeliness, `${q.country_code} ${q.source}`).toBe(indicator("reporting_timeliness").running_total);
      expect(Number(q.months_received)).toBeLessThanOrEqual(Number(q.months_expected) - Number(q.months_not_measurable));
    }
    // The demo delivered every national export at once, after the quarter: a back-fill, never late.
    const national = quality.filter((q) => q.source === "national-csv");
    expect(national.every((q) => Number(q.months_received) > 0 && q.completeness !== null)).toBe(true);
    expect(national.some((q) => Number(q.months_backfilled) > 0)).toBe(true);
  });

  it("renders a PDF report from the snapshot, read back as text", () => {
    const text = spawnSync("pdftotext", ["-layout", join(out, "imaginecole-2026-Q3-en.pdf"), "-"], { encoding: "utf8" });
    expect(text.status, text.stderr).toBe(0);
    const pages = text.stdout.split("\f").filter((p) => p.trim() !== "").map((p) => p.replace(/\s+/g, " "));
    expect(pages.length).toBeGreaterThanOrEqual(5);
    expect(pages[0]).toContain("ImaginEcole indicators");
    expect(pages[0]).toContain("Q3 2026");
    expect(pages[0]).toContain("As-of date 2026-09-30");
    for (const page of pages) expect(page).toMatch(/ImaginEcole indicators, snapshot 2026-Q3, produced 2026-11-28, manifest sha256 [0-9a-f]{64}/);
    const body = pages.join(" ");
    for (const words of ["Key figures, all countries", "By country", "Senegal", "Data quality", "Definitions", "Citing these figures", "Distinct people over the whole period"]) {
      expect(body, words).toContain(words);
    }
  });

  it("writes an IATI activity file that validates against the IATI 2.03 schema", () => {
    const file = join(out, "imaginecole-2026-Q3-iati.xml");
    const check = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, file], { encoding: "utf8" });
    expect(check.stderr.trim()).toBe(`${file} validates`);
    expect(check.status).toBe(0);
    const xml = readFileSync(file, "utf8");
    expect(xml).toContain("<iati-identifier>XM-DAC-41304-IMAGINECOLE</iati-identifier>");
    expect(xml).toContain('<reporting-org ref="XM-DAC-41304" type="40">');
    expect(xml).toMatch(/<baseline year="2024" value="0">\s*<dimension name="country" value="SN"\/>/);
    expect(xml).toMatch(/<period-start iso-date="2026-07-01"\/>\s*<period-end iso-date="2026-09-30"\/>/);
    expect(xml).toMatch(/<actual value="\d+">\s*<dimension name="country" value="SN"\/>/);
  });
});
