import { DuckDBInstance } from "@duckdb/node-api";
import ExcelJS from "exceljs";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImaginEcoleError } from "../../src/core/errors.ts";
import { exportSnapshot, verifyManifest, type Manifest } from "../../src/export/index.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import { ACTOR_KEY, AS_OF, fixtureWarehouse, INJECTION, LATE, tempDir } from "./fixture.ts";

const FORMATS = ["xlsx", "csv", "parquet", "json"] as const;
let dir: string;
let warehouse: Warehouse;
let first: string;
let second: string;

interface JsonSnapshot {
  tables: Record<string, Array<Record<string, unknown>>>;
}

beforeAll(async () => {
  dir = tempDir();
  warehouse = await fixtureWarehouse(dir);
  first = join(dir, "first");
  second = join(dir, "second");
  await exportSnapshot(warehouse, { asOf: AS_OF, outDir: first, formats: [...FORMATS], lang: "fr", version: "0.1.0", generatedAt: new Date("2026-11-28T09:00:00Z") });
  // The second export starts from a freshly opened warehouse, as a later run of the command would.
  warehouse.close();
  warehouse = await Warehouse.open(join(dir, "warehouse.duckdb"));
  await exportSnapshot(warehouse, { asOf: AS_OF, outDir: second, formats: [...FORMATS], lang: "fr", version: "0.1.0", generatedAt: new Date("2026-11-29T17:30:00Z") });
});
afterAll(() => warehouse.close());

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(join(root, f)).isFile())
    .map((f) => relative(root, join(root, f)))
    .sort();
}
const json = (root: string) => JSON.parse(readFileSync(join(root, `imaginecole-${AS_OF}.json`), "utf8")) as JsonSnapshot;
const csv = (root: string, name: string) => readFileSync(join(root, "csv", `${name}.csv`), "utf8");
const row = (rows: Array<Record<string, unknown>> | undefined, match: Record<string, unknown>) =>
  rows?.find((r) => Object.entries(match).every(([k, v]) => r[k] === v));

describe("exportSnapshot(warehouse, options)", () => {
  it("gives byte-identical CSV, JSON and Parquet files for the same as-of date", () => {
    const data = filesUnder(first).filter((f) => /\.(csv|json|parquet)$/.test(f) && f !== "manifest.json");
    expect(data.filter((f) => f.endsWith(".csv"))).toHaveLength(6);
    expect(data.filter((f) => f.endsWith(".parquet"))).toHaveLength(6);
    expect(data).toContain(`imaginecole-${AS_OF}.json`);
    for (const file of data) expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file))), file).toBe(true);
  });

  it("lists every file in manifest.json with a sha256 and size that verify", () => {
    const manifest = JSON.parse(readFileSync(join(first, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.files.map((f) => f.path)).toEqual(filesUnder(first).filter((f) => f !== "manifest.json"));
    expect(manifest.generated_at).toBe("2026-11-28T09:00:00.000Z");
    expect(manifest.as_of).toBe(AS_OF);
    for (const f of manifest.files) expect(f.bytes).toBe(statSync(join(first, f.path)).size);
    expect(verifyManifest(first)).toEqual([]);
    expect(verifyManifest(second)).toEqual([]);
  });

  it("neutralises a resource title written as a formula in the CSV", () => {
    const text = csv(first, "resources");
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).not.toMatch(/[;\n]"?=HYPERLINK/);
  });

  it("neutralises the same title in the workbook, where numbers and dates are real cells", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(first, `imaginecole-${AS_OF}-fr.xlsx`));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Lisez-moi", "Indicateurs", "Par pays", "Définitions", "Qualité", "Provenance", "Ressources"]);
    const resources = workbook.getWorksheet("Ressources");
    const titles = resources?.getColumn(4).values.slice(2);
    expect(titles).toEqual([`'${INJECTION}`]);

    const indicators = workbook.getWorksheet("Indicateurs");
    expect(indicators?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const header = indicators?.getRow(1).values as unknown[];
    const total = indicators?.getRows(2, indicators.rowCount - 1)?.find((r) => r.getCell(1).value === "SN" && r.getCell(4).value === "trainers_trained" && r.getCell(7).value === "Total" && (r.getCell(3).value as Date).getUTCMonth() === 9);
    expect(header.slice(1, 4)).toEqual(["Code pays", "Pays", "Mois"]);
    expect(total?.getCell(3).value).toEqual(new Date("2026-10-01T00:00:00Z"));
    expect(total?.getCell(3).numFmt).toBe("mm/yyyy");
    expect(total?.getCell(8).value).toBe(43);
    expect(total?.getCell(8).numFmt).toBe("#,##0");
  });

  it("leaves out every month, load, reject and resource dated after the as-of date", () => {
    const snapshot = json(first);
    const everything = filesUnder(first).filter((f) => !f.endsWith(".parquet") && !f.endsWith(".xlsx")).map((f) => readFileSync(join(first, f), "utf8")).join("\n");
    for (const late of [String(LATE.value), LATE.sha, LATE.title, LATE.location, "2026-11-01", "01/11/2026"]) expect(everything).not.toContain(late);
    expect(snapshot.tables.indicators?.every((r) => String(r.period) <= "2026-10-01")).toBe(true);
    expect(row(snapshot.tables.quality, { country_code: "SN", source: "national-csv" })).toMatchObject({ months_expected: 2, months_received: 1, missing_months: "2026-10", rows_rejected: 1 });
    expect(snapshot.tables.provenance?.map((r) => r.load_id)).toEqual(["national-csv-1", "xapi-1"]);
  });

  it("names a source file by its base name and a URL without credentials or query in the provenance", () => {
    const provenance = json(first).tables.provenance;
    expect(provenance?.map((r) => r.location)).toEqual(["export-2026-10.csv", "https://lrs.example.org/xapi/statements"]);
    expect(row(provenance, { load_id: "national-csv-1" })?.content_sha256).toBe("a1".repeat(32));
  });

  it("computes the phase to date from the months up to the as-of date only", () => {
    const byCountry = json(first).tables.by_country;
    expect(row(byCountry, { country_code: "SN", indicator_id: "resource_views" })?.value).toBe(500 + 700);
    expect(row(byCountry, { country_code: "SN", indicator_id: "trainers_trained", disaggregation: "" })).toMatchObject({ value: 43, target: 45, final_target: 80, deadline: "2027-06-30", status: "provisional" });
  });

  it("takes a median indicator's phase value over the items up to the as-of date, not over monthly medians", () => {
    // Resources published by 31 October took 40, 50 and 80 days: median 50 (the mean of the
    // monthly medians 40 and 65 would be 52.5; the resource published in November is left out).
    const byCountry = json(first).tables.by_country;
    expect(row(byCountry, { country_code: "SN", indicator_id: "publication_lead_time_days" })?.value).toBe(50);
  });

  it("suppresses small counts in breakdowns, and the neighbour that would give them away, but not country totals", () => {
    const indicators = json(first).tables.indicators;
    const october = { country_code: "SN", period: "2026-10-01", indicator_id: "trainers_trained" };
    expect(row(indicators, { ...october, disaggregation: "sex=F" })).toMatchObject({ value: null, suppressed: true });
    expect(row(indicators, { ...october, disaggregation: "sex=M" })).toMatchObject({ value: null, suppressed: true });
    expect(row(indicators, { ...october, disaggregation: "" })).toMatchObject({ value: 43, suppressed: false });
    expect(row(indicators, { country_code: "BF", indicator_id: "trainers_trained" })).toMatchObject({ value: 12, suppressed: false });
    expect(csv(first, "indicators")).toContain("Sexe : Femmes;< 5;");
  });

  it("writes no pseudonymous actor key and no credential from a load's URL", async () => {
    for (const file of filesUnder(first)) {
      for (const secret of [ACTOR_KEY, "s3cret", "token=abc"]) expect(readFileSync(join(first, file)).includes(secret), file).toBe(false);
    }
  });

  it("writes Parquet files holding the same rows as the JSON", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    try {
      const reader = await conn.runAndReadAll("SELECT country_code, strftime(period, '%Y-%m-%d') AS period, indicator_id, disaggregation, value FROM read_parquet($1)", [join(first, "parquet", "indicators.parquet")]);
      const rows = reader.getRowObjectsJS();
      const fromJson = json(first).tables.indicators?.map((r) => ({ country_code: r.country_code, period: r.period, indicator_id: r.indicator_id, disaggregation: r.disaggregation, value: r.value }));
      expect(rows).toEqual(fromJson);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });

  it("speaks English with lang en: sheet names, headers, delimiter and decimal point", async () => {
    const out = join(dir, "english");
    await exportSnapshot(warehouse, { asOf: AS_OF, outDir: out, formats: ["csv", "xlsx"], lang: "en", version: "0.1.0", suppressBelow: 0 });
    const text = csv(out, "indicators");
    expect(text.startsWith("\uFEFFCountry code,Country,Month,Indicator id,Indicator,Unit,Breakdown,Value")).toBe(true);
    expect(text).toContain("SN,Senegal,2026-10-01,monthly_active_users,Monthly active users,Users,Total,1350.5,1100,On track");
    expect(text).toContain("Sex: Women,3,");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, `imaginecole-${AS_OF}-en.xlsx`));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Read me", "Indicators", "By country", "Definitions", "Quality", "Provenance", "Resources"]);
  });

  it("refuses a suppression threshold that is not a number", async () => {
    const error = await exportSnapshot(warehouse, { asOf: AS_OF, outDir: join(dir, "bad-threshold"), formats: ["csv"], lang: "en", version: "0.1.0", suppressBelow: Number("five") }).catch((e: unknown) => e);
    expect((error as ImaginEcoleError).bilingual.en).toContain("--suppress-below 5");
  });

  it("refuses an as-of date that is not YYYY-MM-DD, naming the expected form", async () => {
    const error = await exportSnapshot(warehouse, { asOf: "31/10/2026", outDir: join(dir, "bad"), formats: ["csv"], lang: "fr", version: "0.1.0" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImaginEcoleError);
    expect((error as ImaginEcoleError).exitCode).toBe(2);
    expect((error as ImaginEcoleError).bilingual.fr).toContain("AAAA-MM-JJ");
  });
});
