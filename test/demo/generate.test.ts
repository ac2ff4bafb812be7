import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImaginEcoleError } from "../../src/core/errors.ts";
import { DEMO_SCENARIO, generateDemo, type DemoManifest } from "../../src/demo/generate.ts";
import { COUNTRY_EXTENSION } from "../../src/demo/xapi.ts";
import { tempDir } from "../support/cli.ts";
import { parseCsv, readStatements, readText, readWorkbook, type Statement } from "./read-inputs.ts";

const AS_OF = new Date("2026-11-28T00:00:00Z");
const SCALE = 0.05;
let dirs: string[] = [];
let out: string;
let manifest: DemoManifest;

beforeAll(async () => {
  out = tempDir("demo-a-");
  dirs.push(out);
  manifest = await generateDemo({ outDir: out, scale: SCALE, asOf: AS_OF });
});

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  dirs = [];
});

const countryOf = (s: Statement) =>
  s.context?.extensions?.[COUNTRY_EXTENSION] ?? /^https:\/\/([a-z]{2})\./.exec(s.actor?.account?.homePage ?? "")?.[1]?.toUpperCase();

describe("generateDemo({ seed, asOf, scale })", () => {
  it("writes byte-identical files (NDJSON, CSV and xlsx) for the same seed, asOf and scale", async () => {
    const again = tempDir("demo-b-");
    dirs.push(again);
    const second = await generateDemo({ outDir: again, scale: SCALE, asOf: AS_OF });
    expect(second.files).toEqual(manifest.files);
    for (const file of manifest.files) {
      expect(readFileSync(join(again, file)).equals(readFileSync(join(out, file))), file).toBe(true);
    }
  });

  it("writes other statements for another seed", async () => {
    const other = tempDir("demo-c-");
    dirs.push(other);
    await generateDemo({ outDir: other, scale: SCALE, asOf: AS_OF, seed: 7 });
    const file = "xapi/statements-2026-03.ndjson";
    expect(readFileSync(join(other, file)).equals(readFileSync(join(out, file)))).toBe(false);
  });

  it("writes about 200,000 x scale statements over the 18 months before asOf", async () => {
    expect(manifest.months).toHaveLength(18);
    expect(manifest.months[0]).toBe("2025-05");
    expect(manifest.months.at(-1)).toBe("2026-10");
    expect(manifest.statements).toBeGreaterThan(0.95 * 200_000 * SCALE);
    expect(manifest.statements).toBeLessThan(1.1 * 200_000 * SCALE);
    const lines = manifest.months.reduce((sum, m) => sum + readStatements(out, `statements-${m}.ndjson`).length, 0);
    expect(lines).toBe(manifest.statements);

    const smaller = tempDir("demo-d-");
    dirs.push(smaller);
    const small = await generateDemo({ outDir: smaller, scale: 0.02, asOf: AS_OF });
    expect(small.statements).toBeGreaterThan(0.95 * 200_000 * 0.02);
    expect(small.statements).toBeLessThan(1.1 * 200_000 * 0.02);
  });

  it("refuses a scale that is not a positive number, as a usage error", async () => {
    const dir = tempDir("demo-e-");
    dirs.push(dir);
    const error = await generateDemo({ outDir: dir, scale: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImaginEcoleError);
    expect((error as ImaginEcoleError).exitCode).toBe(2);
  });
});

describe("demo inputs: formats", () => {
  it("every CSV parses, sheet downloads in Google's shape (CRLF, no final line break)", () => {
    const csvs = manifest.files.filter((f) => f.endsWith(".csv"));
    expect(csvs.length).toBeGreaterThan(150);
    for (const file of csvs) {
      const text = readText(join(out, file));
      const { rows, errors } = parseCsv(text);
      expect(errors, file).toEqual([]);
      expect(rows[0]!.length, file).toBeGreaterThanOrEqual(3);
      if (file.startsWith("sheets/")) {
        expect(text.includes("\r\n"), file).toBe(true);
        expect(text.endsWith("\n"), file).toBe(false);
      }
    }
  });

  it("writes each hand-typed header variant of the scenario, in CSV and xlsx", async () => {
    for (const [country, tabs] of Object.entries(DEMO_SCENARIO.headerVariants)) {
      const xlsx = manifest.files.find((f) => f.startsWith(`sheets/${country}/`) && f.endsWith(".xlsx"));
      for (const [tab, renamed] of Object.entries(tabs)) {
        let headers: string[];
        if (xlsx) {
          const { tabs: sheets } = await readWorkbook(join(out, xlsx));
          headers = (sheets.get(tab)!.getRow(1).values as unknown[]).slice(1).map(String);
        } else {
          const file = manifest.files.find((f) => f.startsWith(`sheets/${country}/`) && f.endsWith(` - ${tab}.csv`))!;
          headers = parseCsv(readText(join(out, file))).rows[0]!;
        }
        for (const written of Object.values(renamed)) expect(headers, `${country} ${tab}`).toContain(written);
      }
    }
  });

  it("names sheet files as Google downloads them, xlsx for some countries with real date cells", async () => {
    expect(manifest.files).toContain("sheets/SN/ImaginEcole Sénégal - Formateurs.csv");
    expect(manifest.files).toContain("sheets/regional/ImaginEcole Cibles.csv");
    const { workbook, tabs } = await readWorkbook(join(out, "sheets/BF/ImaginEcole Burkina Faso.xlsx"));
    expect([...tabs.keys()]).toEqual(["Formateurs", "Sessions", "Ressources", "Activités", "Validation"]);
    expect(workbook.modified?.toISOString()).toBe(AS_OF.toISOString());
    const trainedOn = tabs.get("Formateurs")!.getRow(2).getCell(7).value;
    expect(trainedOn).toBeInstanceOf(Date);
  });

  it("national exports come in each platform's shape: Windows-1252 with ';', BOM, Total row", () => {
    const sn = readFileSync(join(out, "national/SN/Statistiques_2026_03.csv"));
    expect(sn.includes(Buffer.from("T\xe9l\xe9chargements", "latin1"))).toBe(true);
    expect(sn.toString("latin1")).toContain(";4,");
    const bj = readFileSync(join(out, "national/BJ/export-202603.csv"));
    expect([...bj.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const ml = readText(join(out, "national/ML/rapport_mensuel_mars_2026.csv")).trimEnd().split("\r\n");
    expect(ml.at(-1)).toMatch(/^Total;/);
    expect(ml).toHaveLength(1 + 31 + 1);
    expect(readText(join(out, "national/TD/frequentation_2026-03.csv"))).toMatch(/^Jour;Visiteurs uniques;/);
  });
});

describe("demo inputs: personal data", () => {
  it("every name, e-mail and login of the manifest is written in the inputs", async () => {
    const written = new Set<string>();
    for (const file of manifest.files) {
      if (file.endsWith(".ndjson")) {
        for (const s of readStatements(out, file.slice("xapi/".length))) {
          for (const v of [s.actor?.name, s.actor?.mbox?.replace(/^mailto:/, ""), s.actor?.account?.name]) if (v) written.add(v);
        }
      } else if (file.endsWith(".xlsx")) {
        const { workbook } = await readWorkbook(join(out, file));
        workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void written.add(String(cell.value)))));
      } else {
        for (const row of parseCsv(readText(join(out, file))).rows) for (const cell of row) written.add(cell);
      }
    }
    expect(manifest.personal.length).toBeGreaterThan(1000);
    expect(manifest.personal.filter((p) => p.includes("@")).length).toBeGreaterThan(300);
    expect(manifest.personal.filter((p) => !written.has(p))).toEqual([]);
  });
});

describe("demo inputs: bad rows and statements", () => {
  it("each bad sheet row of the manifest holds its bad value at its cell", async () => {
    expect(manifest.badRows.map((b) => b.problem).sort()).toEqual(DEMO_SCENARIO.badRows.map((b) => b.problem).sort());
    for (const bad of manifest.badRows) {
      let value: string;
      if (bad.file.endsWith(".xlsx")) {
        const { tabs } = await readWorkbook(join(out, bad.file));
        const cell = tabs.get(bad.tab)!.getCell(bad.location.split("!")[1]!).value;
        value = cell instanceof Date ? cell.toISOString().slice(0, 10).split("-").reverse().join("/") : String(cell);
      } else {
        const rows = parseCsv(readText(join(out, bad.file))).rows;
        value = rows[bad.row - 1]![rows[0]!.indexOf(bad.header)]!;
      }
      expect(value, `${bad.file} ${bad.location}`).toBe(bad.value);
    }
  });

  it("bad statements sit at the file and line the manifest gives", () => {
    expect(manifest.xapi.bad).toHaveLength(6);
    for (const bad of manifest.xapi.bad) {
      const s = readStatements(out, bad.file)[bad.line - 1]!;
      if (bad.problem === "missing-verb") expect(s.verb).toBeUndefined();
      if (bad.problem === "bad-timestamp") expect(Number.isNaN(Date.parse(s.timestamp ?? ""))).toBe(true);
      if (bad.problem === "unknown-country") expect(countryOf(s)).toBeUndefined();
    }
  });

  it("voiding statements void earlier statements, from earlier files too, and two void a later one", () => {
    const ids = new Map<string, Set<string>>();
    const idsIn = (file: string) => {
      if (!ids.has(file)) ids.set(file, new Set(readStatements(out, file).map((s) => s.id!)));
      return ids.get(file)!;
    };
    for (const v of manifest.xapi.voids) {
      const s = readStatements(out, v.file)[v.line - 1]!;
      expect(s.verb?.id).toBe("http://adlnet.gov/expapi/verbs/voided");
      expect(s.object).toEqual({ objectType: "StatementRef", id: v.target });
      expect(idsIn(v.targetFile!).has(v.target)).toBe(true);
    }
    expect(manifest.xapi.voids.some((v) => v.targetFile! < v.file)).toBe(true);
    expect(manifest.xapi.voids.filter((v) => v.targetFile! > v.file)).toHaveLength(2);
    expect(manifest.xapi.expectedEvents).toBe(manifest.xapi.unique - manifest.xapi.voids.length);
  });

  it("repeats some statements, some in the next month's file", () => {
    const seen = new Map<string, string>();
    let repeats = 0;
    let acrossFiles = 0;
    for (const month of manifest.months) {
      const file = `statements-${month}.ndjson`;
      for (const line of readFileSync(join(out, "xapi", file), "utf8").split("\n").filter(Boolean)) {
        const id = (JSON.parse(line) as Statement).id!;
        const first = seen.get(id);
        if (first !== undefined) {
          repeats++;
          if (first !== file) acrossFiles++;
        } else seen.set(id, file);
      }
    }
    expect(repeats).toBe(manifest.xapi.duplicates);
    expect(repeats).toBeGreaterThan(0);
    expect(acrossFiles).toBeGreaterThan(0);
  });
});
