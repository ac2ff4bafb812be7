// Every code reads the same wherever people meet it. Each output is read as it is delivered: the
// dashboard through the browser bundle Observable Framework makes of `imaginecole/core` for the
// site, the donor export from its CSV and XLSX files, the sheets template from the spreadsheet
// `sheets init` writes (dropdowns and Lisez-moi). The codes behind each text come from the output
// itself (the export's JSON, the sheets' own reading of a typed value), never from the labels module.
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SheetsApiSource } from "../../src/sources/sheets/settings.ts";
import * as core from "../../src/core/index.ts";
import { LABELS, type Vocabulary } from "../../src/core/labels.ts";
import { LANGS, type Lang } from "../../src/core/lang.ts";
import { exportSnapshot } from "../../src/export/index.ts";
import { loadCatalogue } from "../../src/mart/catalogue.ts";
import { columnsFor, SNAPSHOT_TABLES } from "../../src/export/tables.ts";
import { installCore } from "../../src/site/build.ts";
import { lookupCode, type CodeListName } from "../../src/sources/sheets/codes.ts";
import { TAB_CONTRACTS } from "../../src/sources/sheets/contracts.ts";
import { sheetsInit } from "../../src/sources/sheets/index.ts";
import { parseBool } from "../../src/sources/sheets/values.ts";
import type { Warehouse } from "../../src/warehouse/warehouse.ts";
import { startSheetsApi, type SheetsApiStandIn } from "../stand-ins/sheets-api.ts";
import { AS_OF, fixtureWarehouse, tempDir } from "../export/fixture.ts";
import { fakeServiceAccount, openContext, ROOT, type TestContext } from "../sources/sheets/helpers.ts";

type Output = "dashboard" | "csv" | "xlsx" | "template dropdown" | "template Lisez-moi";
/** `vocabulary|code` → language → output → the text that output shows. */
const seen = new Map<string, Record<Lang, Map<Output, string>>>();

function record(vocabulary: string, code: string, lang: Lang, output: Output, text: string): void {
  const key = `${vocabulary}|${code}`;
  let entry = seen.get(key);
  if (!entry) seen.set(key, (entry = { fr: new Map(), en: new Map() }));
  const before = entry[lang].get(output);
  // One output showing two texts for one code is a disagreement too: keep both visible.
  entry[lang].set(output, before === undefined || before === text ? text : `${before} | ${text}`);
}

const outputsOf = (vocabulary: string, code: string, lang: Lang) => [...(seen.get(`${vocabulary}|${code}`)?.[lang].keys() ?? [])];

interface CoreBundle {
  label: typeof core.label;
  breakdownLabel: typeof core.breakdownLabel;
}
let dashboard: CoreBundle;
let bundleExports: string[];

/** The module the site ships for `imaginecole/core`, made by Framework's own bundler, as `npm run build` does. */
async function dashboardBundle(): Promise<CoreBundle> {
  const work = tempDir();
  const root = join(work, "dashboards");
  mkdirSync(root);
  installCore(work);
  const framework = pathToFileURL(join(ROOT, "node_modules/@observablehq/framework/dist/node.js")).href;
  const { resolveNodeImport } = (await import(framework)) as { resolveNodeImport: (root: string, spec: string) => Promise<string> };
  const served = await resolveNodeImport(root, "imaginecole/core");
  const file = join(root, ".observablehq", "cache", served);
  const bundle = (await import(pathToFileURL(file).href)) as CoreBundle & Record<string, unknown>;
  bundleExports = Object.keys(bundle).sort();
  return bundle;
}

/** The CSV and workbook of a snapshot in one language, row by row beside the codes of its JSON. */
async function readExport(outDir: string, lang: Lang, json: Record<string, Array<Record<string, unknown>>>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(outDir, `imaginecole-${AS_OF}-${lang}.xlsx`));
  for (const table of SNAPSHOT_TABLES) {
    const columns = columnsFor(table, lang);
    const text = readFileSync(join(outDir, "csv", `${table.file}.csv`), "utf8").replace(/^\uFEFF/, "");
    // The first line is the snapshot's citation, the header comes second.
    const [, header, ...rows] = Papa.parse<string[]>(text.trimEnd(), { delimiter: lang === "fr" ? ";" : "," }).data;
    expect(header).toEqual(columns.map((c) => c.header[lang]));
    const sheet = workbook.getWorksheet(table.sheet[lang])!;
    const codes = json[table.file] ?? [];
    expect(rows).toHaveLength(codes.length);
    columns.forEach((column, at) => {
      const vocabulary = column.type === "boolean" ? "yes_no" : column.type === "disaggregation" ? "breakdown" : column.codes;
      if (!vocabulary) return;
      codes.forEach((row, i) => {
        const code = row[column.key];
        if (code === null || code === undefined) return;
        record(vocabulary, String(code), lang, "csv", rows[i]![at]!);
        record(vocabulary, String(code), lang, "xlsx", String(sheet.getRow(i + 2).getCell(at + 1).value));
      });
    });
  }
}

/** `Préscolaire, Primaire ou Secondaire.` → its three labels. */
const choices = (text: string) => text.replace(/\.$/, "").split(/, | ou | or /);

/** The dropdowns and the Lisez-moi of a country spreadsheet created from the template. */
function readTemplate(api: SheetsApiStandIn, spreadsheetId: string): void {
  const book = api.spreadsheets.get(spreadsheetId)!;
  const readme = api.tabValues(spreadsheetId, "Lisez-moi").map((row) => row.map(String));
  const codeOf = (list: CodeListName | "yes_no", typed: string): string | null => {
    if (list !== "yes_no") return lookupCode(list, typed);
    const parsed = parseBool(typed);
    return parsed.ok ? String(parsed.value) : null;
  };
  for (const contract of TAB_CONTRACTS.filter((c) => c.scope === "country")) {
    const tab = book.sheets.find((s) => s.properties.title === contract.title)!;
    contract.columns.forEach((column, index) => {
      const list = column.type.kind === "code" ? column.type.list : column.type.kind === "bool" ? "yes_no" : null;
      if (!list) return;
      const rule = tab.validations.find((v) => v.range.startColumnIndex === index)!.rule as { condition: { values: { userEnteredValue: string }[] } };
      for (const { userEnteredValue: typed } of rule.condition.values) {
        const code = codeOf(list, typed);
        expect(code, `${contract.title} / ${column.header}: "${typed}"`).not.toBeNull();
        record(list, code!, "fr", "template dropdown", typed);
      }
      const line = readme.find((row) => row[0] === contract.title && row[1] === column.header)!;
      const help: Record<Lang, string> = { fr: line[4]!, en: line[5]! };
      for (const lang of LANGS) {
        for (const typed of choices(help[lang])) {
          const code = codeOf(list, typed);
          expect(code, `Lisez-moi, ${contract.title} / ${column.header}: "${typed}"`).not.toBeNull();
          record(list, code!, lang, "template Lisez-moi", typed);
        }
      }
    });
  }
  // The Obligatoire column of the Lisez-moi answers with the same Oui and Non.
  for (const row of readme.filter((r) => r.length === 6 && r[0] !== "Onglet")) record("yes_no", String(codeOf("yes_no", row[2]!)), "fr", "template Lisez-moi", row[2]!);
}

/** Every code the export must show: the fixture below has one row at least for each. */
async function addEveryCode(w: Warehouse): Promise<void> {
  const share = loadCatalogue().find((i) => i.id === "teachers_trained_share")!;
  await w.run("INSERT INTO mart.indicator_catalogue VALUES ($1, 5, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, $11, $12, NULL, $13)", [
    share.id, share.label_fr, share.label_en, share.definition_fr, share.definition_en, share.unit, share.precision, share.kind,
    share.cumulative, share.ascending, share.snapshot, share.disaggregations.join(","), share.sources.join(","),
  ]);
  const figure = (id: string, disaggregation: string, value: number, period = ["month", "2026-10", "2026-10-01", "2026-10-31"]) =>
    w.run(
      `INSERT INTO mart.indicator_periods (country_code, period_type, period, period_start, period_end, indicator_id, disaggregation, value, running_total, status)
       VALUES ('BF', $1, $2, $3, $4, $5, $6, $7, $7, 'provisional')`,
      [...period, id, disaggregation, value],
    );
  for (const level of Object.keys(LABELS.level)) await figure("teachers_trained_share", `level=${level}`, 12.5);
  for (const platform of Object.keys(LABELS.platform)) await figure("resource_views", `platform=${platform}`, 40);
  await figure("resource_views", "", 80, ["year", "2025", "2025-06-01", "2025-12-31"]);
  let n = 0;
  for (const status of Object.keys(LABELS.resource_status)) {
    for (const level of Object.keys(LABELS.level)) {
      await w.run(
        `INSERT INTO core.resources (country_code, resource_id, title, discipline, level, language, type, status, status_date, link, load_id)
         VALUES ('BF', $1, 'Fiche', 'Lecture', $2, 'fr', 'pdf', $3, '2026-09-01', NULL, 'sheet-2')`,
        [`BF-R-${++n}`, level, status],
      );
    }
  }
}

let api: SheetsApiStandIn;
let sheets: TestContext;
let warehouse: Warehouse;

beforeAll(async () => {
  dashboard = await dashboardBundle();
  for (const [vocabulary, words] of Object.entries(LABELS)) {
    for (const code of Object.keys(words)) for (const lang of LANGS) record(vocabulary, code, lang, "dashboard", dashboard.label(lang, vocabulary as Vocabulary, code));
  }

  const dir = tempDir();
  warehouse = await fixtureWarehouse(dir);
  await addEveryCode(warehouse);
  for (const lang of LANGS) {
    const out = join(dir, lang);
    await exportSnapshot(warehouse, { asOf: AS_OF, outDir: out, formats: ["csv", "xlsx", "json"], lang, version: "0.1.0", suppressBelow: 5, generatedAt: new Date("2026-11-28T09:00:00Z") });
    const json = JSON.parse(readFileSync(join(out, `imaginecole-${AS_OF}.json`), "utf8")) as { tables: Record<string, Array<Record<string, unknown>>> };
    await readExport(out, lang, json.tables);
  }
  for (const key of seen.keys()) {
    const [vocabulary, code = ""] = key.split("|");
    if (vocabulary === "breakdown") for (const lang of LANGS) record("breakdown", code, lang, "dashboard", dashboard.breakdownLabel(lang, code));
  }

  sheets = await openContext();
  api = await startSheetsApi();
  const source: SheetsApiSource = { kind: "sheets-api", name: "country-sheets", spreadsheets: {}, keyFileEnv: fakeServiceAccount(sheets.dir), rootUrl: api.url };
  api.addSpreadsheet("sn-team-0001", "Suivi Sénégal", { "Feuille 1": [] });
  const { spreadsheetId } = await sheetsInit(sheets.ctx, { source, country: "SN", spreadsheet: "sn-team-0001" });
  readTemplate(api, spreadsheetId);
});

afterAll(async () => {
  warehouse?.close();
  await api?.close();
  sheets?.close();
});

describe("the labels of codes, as each output shows them", () => {
  it("come to the dashboard from the one core module, bundled for the browser", () => {
    expect(bundleExports).toEqual(Object.keys(core).sort());
  });

  it("are the same for every code in the dashboard, the CSV and XLSX export and the sheets template, in both languages", () => {
    const disagreements: string[] = [];
    for (const [key, byLang] of seen) {
      for (const lang of LANGS) {
        const texts = new Set(byLang[lang].values());
        if (texts.size > 1) disagreements.push(`${key} (${lang}): ${[...byLang[lang]].map(([o, t]) => `${o} "${t}"`).join(", ")}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it("cover every code the export and the template carry", () => {
    const expected: Array<[Vocabulary | "breakdown", Output, Lang[], string[]?]> = [
      ["target_status", "csv", ["fr", "en"], ["on_track", "at_risk", "off_track"]],
      ["approval", "csv", ["fr", "en"]],
      ["level", "xlsx", ["fr", "en"]],
      ["resource_status", "csv", ["fr", "en"]],
      ["unit", "csv", ["fr", "en"]],
      ["kind", "csv", ["fr", "en"]],
      ["period_type", "xlsx", ["fr", "en"]],
      ["source", "csv", ["fr", "en"], ["national-csv", "sheet", "xapi"]],
      ["load_status", "csv", ["fr", "en"], ["loaded", "loaded_with_rejects"]],
      ["yes_no", "csv", ["fr", "en"]],
      ["breakdown", "csv", ["fr", "en"], ["sex=F", "sex=M", "level=preschool", "level=primary", "level=secondary", "platform=regional", "platform=national"]],
      ["level", "template dropdown", ["fr"]],
      ["modality", "template dropdown", ["fr"]],
      ["resource_status", "template dropdown", ["fr"]],
      ["activity_status", "template dropdown", ["fr"]],
      ["yes_no", "template dropdown", ["fr"]],
      ["level", "template Lisez-moi", ["fr", "en"]],
      ["modality", "template Lisez-moi", ["fr", "en"]],
      ["resource_status", "template Lisez-moi", ["fr", "en"]],
      ["activity_status", "template Lisez-moi", ["fr", "en"]],
      ["yes_no", "template Lisez-moi", ["fr", "en"]],
    ];
    const missing: string[] = [];
    for (const [vocabulary, output, langs, codes] of expected) {
      for (const code of codes ?? Object.keys(LABELS[vocabulary as Vocabulary])) {
        for (const lang of langs) {
          const outputs = outputsOf(vocabulary, code, lang);
          if (!outputs.includes(output) || !outputs.includes("dashboard")) missing.push(`${vocabulary}|${code} (${lang}) in ${output}: only ${outputs.join(", ")}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("settle the three wordings that used to disagree", () => {
    const shown = (vocabulary: string, code: string, lang: Lang) => [...new Set(seen.get(`${vocabulary}|${code}`)![lang].values())];
    expect(shown("approval", "approved", "fr")).toEqual(["Validé"]);
    expect(shown("target_status", "on_track", "fr")).toEqual(["En bonne voie"]);
    expect(shown("level", "preschool", "en")).toEqual(["Preschool"]);
  });
});
