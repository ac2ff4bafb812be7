import { DuckDBInstance } from "@duckdb/node-api";
import ExcelJS from "exceljs";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImaginEcoleError } from "../../src/core/errors.ts";
import { contentSha256 } from "../../src/export/citation.ts";
import { exportSnapshot, verifyManifest, type Manifest } from "../../src/export/index.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import { ACTOR_KEY, AS_OF, fixtureWarehouse, INJECTION, LATE, tempDir } from "./fixture.ts";

const FORMATS = ["xlsx", "csv", "parquet", "json"] as const;
let dir: string;
let warehouse: Warehouse;
let first: string;
let second: string;

interface JsonSnapshot {
  snapshot: Record<string, unknown> & { citation: { fr: string; en: string } };
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
const json = (root: string, label = AS_OF) => JSON.parse(readFileSync(join(root, `imaginecole-${label}.json`), "utf8")) as JsonSnapshot;
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
    expect(manifest).toMatchObject({ as_of: AS_OF, label: AS_OF, period: "phase", produced: "2026-11-28", failed: [] });
    for (const f of manifest.files) expect(f.bytes).toBe(statSync(join(first, f.path)).size);
    expect(verifyManifest(first)).toEqual([]);
    expect(verifyManifest(second)).toEqual([]);
  });

  it("cites the snapshot in every file, with the sha256 of its JSON content without the citation", async () => {
    const manifest = JSON.parse(readFileSync(join(first, "manifest.json"), "utf8")) as Manifest;
    const snapshot = json(first);
    const text = `Indicateurs ImaginEcole, instantané ${AS_OF}, produit le 28/11/2026, manifeste sha256 ${manifest.content_sha256}`;
    expect(manifest.citation.fr).toBe(text);
    expect(snapshot.snapshot.citation).toEqual(manifest.citation);
    const { citation: _, ...header } = snapshot.snapshot;
    expect(contentSha256(JSON.stringify({ snapshot: header, tables: snapshot.tables }, null, 2) + "\n")).toBe(manifest.content_sha256);
    for (const name of ["figures", "indicators", "definitions", "quality", "provenance", "resources"]) {
      expect(csv(first, name).split("\r\n")[0], name).toBe(`\uFEFF${text}`);
    }
    expect(readFileSync(join(first, "LISEZ-MOI.txt"), "utf8")).toContain(`Citation : ${text}\r\n`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(first, `imaginecole-${AS_OF}-fr.xlsx`));
    expect(workbook.getWorksheet("Lisez-moi")?.getRow(1).values).toEqual([undefined, "Citation", text]);
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    try {
      const reader = await conn.runAndReadAll("SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata($1) ORDER BY key", [join(first, "parquet", "figures.parquet")]);
      expect(reader.getRowObjectsJS()).toEqual([{ key: "citation_en", value: manifest.citation.en }, { key: "citation_fr", value: text }]);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });

  it("neutralises a resource title written as a formula in the CSV", () => {
    const text = csv(first, "resources");
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).not.toMatch(/[;\n]"?=HYPERLINK/);
  });

  it("neutralises the same title in the workbook, where numbers and dates are real cells", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(first, `imaginecole-${AS_OF}-fr.xlsx`));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Lisez-moi", "Chiffres", "Toutes les périodes", "Définitions", "Qualité", "Provenance", "Ressources"]);
    const resources = workbook.getWorksheet("Ressources");
    const titles = resources?.getColumn(4).values.slice(2);
    expect(titles).toEqual([`'${INJECTION}`]);

    const sheet = workbook.getWorksheet("Toutes les périodes");
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const header = sheet?.getRow(1).values as unknown[];
    expect(header.slice(1, 8)).toEqual(["Code pays", "Pays", "Type de période", "Période", "Début", "Fin", "Code indicateur"]);
    const total = sheet?.getRows(2, sheet.rowCount - 1)?.find((r) => r.getCell(1).value === "SN" && r.getCell(4).value === "2026-10" && r.getCell(7).value === "trainers_trained" && r.getCell(10).value === "Total");
    expect(total?.getCell(5).value).toEqual(new Date("2026-10-01T00:00:00Z"));
    expect(total?.getCell(5).numFmt).toBe("dd/mm/yyyy");
    expect(total?.getCell(11).value).toBe(13);
    expect(total?.getCell(11).numFmt).toBe("#,##0");
    expect(total?.getCell(12).value).toBe(43);
  });

  it("gives the phase to date at the as-of month, every country and all countries together, as the figures", () => {
    const figures = json(first).tables.figures!;
    expect(new Set(figures.map((r) => `${r.period_type}|${r.period}|${r.period_end}`))).toEqual(new Set(["phase|phase|2026-10-31"]));
    expect(figures.map((r) => r.country_code)[0]).toBe("ALL");
    expect(row(figures, { country_code: "ALL", indicator_id: "trainers_trained", disaggregation: "" })).toMatchObject({ country_fr: "Ensemble des pays", country_en: "All countries", value: 55, target: 75 });
    expect(row(figures, { country_code: "SN", indicator_id: "trainers_trained", disaggregation: "" })).toMatchObject({
      value: 43, running_total: 43, target: 45, target_status: "on_track", year_target: 60, phase_target: 80, baseline: 0, baseline_year: 2024, status: "provisional",
    });
  });

  it("gives a period's own figures with --period, and every complete period before it", async () => {
    const out = join(dir, "quarter");
    const { scope } = await exportSnapshot(warehouse, { period: "2026-Q3", outDir: out, formats: ["json"], lang: "fr", version: "0.1.0" });
    expect(scope).toEqual({ label: "2026-Q3", asOf: "2026-09-30", period: "2026-Q3", lastMonth: "2026-09-01" });
    const snapshot = json(out, "2026-Q3");
    expect(row(snapshot.tables.figures, { country_code: "SN", indicator_id: "trainers_trained", disaggregation: "" })).toMatchObject({ period: "2026-Q3", value: 12, running_total: 30, status: "approved" });
    expect(new Set(snapshot.tables.indicators!.map((r) => `${r.period}|${r.period_end}`))).toEqual(new Set(["2026-09|2026-09-30", "2026-Q3|2026-09-30", "phase|2026-09-30"]));
  });

  it("refuses a period the warehouse has not seen end, one before the phase, and both --period and --as-of", async () => {
    const attempt = (options: { period?: string; asOf?: string }) =>
      exportSnapshot(warehouse, { ...options, outDir: join(dir, "refused"), formats: ["csv"], lang: "en", version: "0.1.0" }).then(() => { throw new Error("accepted"); }, (e: unknown) => e as ImaginEcoleError);
    const open = await attempt({ period: "2026-Q4" });
    expect(open.exitCode).toBe(2);
    expect(open.bilingual.en).toBe("Q4 2026 is not over in the warehouse, which describes months up to October 2026: choose a period that has ended, or run the pipelines again after its end.");
    expect((await attempt({ period: "2024" })).bilingual.en).toContain("comes before the phase starts (2025-06-01)");
    expect((await attempt({ period: "2026-13" })).bilingual.fr).toContain("un trimestre (2026-Q3)");
    expect((await attempt({ period: "2026", asOf: AS_OF })).bilingual.en).toContain("not both");
  });

  it("leaves out every month, load, reject and resource dated after the as-of date", () => {
    const snapshot = json(first);
    const everything = filesUnder(first).filter((f) => !f.endsWith(".parquet") && !f.endsWith(".xlsx")).map((f) => readFileSync(join(first, f), "utf8")).join("\n");
    for (const late of [String(LATE.value), LATE.sha, LATE.title, LATE.location, "2026-11-01", "01/11/2026"]) expect(everything).not.toContain(late);
    expect(snapshot.tables.indicators?.every((r) => String(r.period_end) <= AS_OF)).toBe(true);
  });

  it("lists in the provenance every load whose data the figures use, whenever it arrived, with its date", () => {
    const provenance = json(first).tables.provenance;
    // The correction of 30 October arrived on 20 November: its day is in the figures.
    expect(provenance?.map((r) => [r.load_id, r.started_at])).toEqual([
      ["national-csv-3", "2026-11-20T08:00:00.000Z"],
      ["national-csv-1", "2026-10-15T08:00:00.000Z"],
      ["xapi-1", "2026-10-20T03:00:00.000Z"],
    ]);
  });

  it("counts in the quality table the reports the completeness indicator counts, and the rows rejected by the loads used", () => {
    const snapshot = json(first);
    expect(row(snapshot.tables.quality, { country_code: "SN", source: "national-csv" })).toMatchObject({
      months_expected: 2, months_not_measurable: 0, months_received: 1, months_on_time: 1, completeness: 50, timeliness: 50, missing_months: "2026-10", rows_rejected: 1,
    });
    // September's sheet came before the first sync: not measurable, so neither received nor missing.
    expect(row(snapshot.tables.quality, { country_code: "SN", source: "sheet" })).toMatchObject({
      months_expected: 2, months_not_measurable: 1, months_received: 1, completeness: 100, missing_months: "",
    });
  });

  it("names a source file by its base name and a URL without credentials or query in the provenance", () => {
    const provenance = json(first).tables.provenance;
    expect(provenance?.map((r) => r.location)).toEqual(["correction-2026-10.csv", "export-2026-10.csv", "https://lrs.example.org/xapi/statements"]);
    expect(row(provenance, { load_id: "national-csv-1" })?.content_sha256).toBe("a1".repeat(32));
  });

  it("defines every indicator in plain words: how a period adds up and where the data come from, never a table name", () => {
    const definitions = json(first).tables.definitions!;
    expect(row(definitions, { indicator_id: "monthly_active_users" })).toMatchObject({
      kind: "distinct", precision: 0, kind_rule_en: "Distinct people over the whole period (never a sum of months)",
      sources_en: "Learning records of the regional platform (xAPI, Moodle logs)", sources_fr: "Traces d'apprentissage de la plateforme régionale (xAPI, journaux Moodle)",
    });
    expect(row(definitions, { indicator_id: "trainers_trained" })).toMatchObject({ cumulative: true, targeted: true, breakdowns_en: "Sex and Region" });
    expect(JSON.stringify(definitions)).not.toMatch(/\b(core|ops|mart)\.[a-z_]+/);
  });

  it("suppresses small counts in breakdowns, and the neighbour that would give them away, but not country totals", () => {
    const indicators = json(first).tables.indicators;
    const october = { country_code: "SN", period: "2026-10", indicator_id: "trainers_trained" };
    expect(row(indicators, { ...october, disaggregation: "sex=F" })).toMatchObject({ value: null, suppressed: true, running_total: null, running_total_suppressed: true });
    expect(row(indicators, { ...october, disaggregation: "sex=M" })).toMatchObject({ value: null, suppressed: true, running_total: null, running_total_suppressed: true });
    expect(row(indicators, { ...october, disaggregation: "" })).toMatchObject({ value: 13, suppressed: false });
    expect(row(indicators, { country_code: "BF", indicator_id: "trainers_trained", period: "2026-10" })).toMatchObject({ value: 12, suppressed: false });
    expect(csv(first, "indicators")).toContain("Sexe : Femmes;< 5;< 5;");
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
      const reader = await conn.runAndReadAll("SELECT country_code, period, strftime(period_end, '%Y-%m-%d') AS period_end, indicator_id, disaggregation, value FROM read_parquet($1)", [join(first, "parquet", "indicators.parquet")]);
      const rows = reader.getRowObjectsJS();
      const fromJson = json(first).tables.indicators?.map((r) => ({ country_code: r.country_code, period: r.period, period_end: r.period_end, indicator_id: r.indicator_id, disaggregation: r.disaggregation, value: r.value }));
      expect(rows).toEqual(fromJson);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });

  it("speaks English with lang en: sheet names, headers, delimiter and decimal point", async () => {
    const out = join(dir, "english");
    await exportSnapshot(warehouse, { asOf: AS_OF, outDir: out, formats: ["csv", "xlsx"], lang: "en", version: "0.1.0", suppressBelow: 0 });
    const text = csv(out, "figures");
    expect(text.split("\r\n")[1]).toMatch(/^Country code,Country,Period type,Period,Start,End,Indicator id,Indicator,Unit,Breakdown,Value for the period,Running total since the phase start,/);
    expect(text).toContain("SN,Senegal,Phase to date,phase,2025-06-01,2026-10-31,monthly_active_users,Active users (regional platform),Users,Total,1900,1900,");
    expect(text).toContain("Sex: Women,3,3,");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, `imaginecole-${AS_OF}-en.xlsx`));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Read me", "Figures", "All periods", "Definitions", "Quality", "Provenance", "Resources"]);
  });

  it("writes the other formats and the manifest when one cannot be produced, and names it with the reason", async () => {
    const out = join(dir, "partial");
    const { files, failures, manifestPath } = await exportSnapshot(warehouse, { asOf: AS_OF, outDir: out, formats: ["csv", "iati", "json"], lang: "en", version: "0.1.0" });
    expect(failures.map((f) => f.format)).toEqual(["iati"]);
    expect(failures[0]!.reason.en).toContain('The configuration has no "iati" section');
    expect(files.some((f) => f.endsWith(`imaginecole-${AS_OF}.json`))).toBe(true);
    expect(files.filter((f) => f.endsWith(".csv"))).toHaveLength(6);
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
    expect(manifest.failed).toEqual([{ format: "iati", reason: failures[0]!.reason }]);
    expect(verifyManifest(out)).toEqual([]);
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
