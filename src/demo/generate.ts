import { readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { EXIT, ImaginEcoleError } from "../core/errors.ts";
import { parseCountries } from "../sources/reference/countries.ts";
import { isoDay, startOfDay } from "./calendar.ts";
import { GOOGLE_CSV, toCsv } from "./csv.ts";
import { dailyUsage, nationalFile } from "./national.ts";
import { makePlan } from "./plan.ts";
import { rngFor } from "./random.ts";
import { DEMO_SCENARIO } from "./scenario.ts";
import { buildCountrySheet, regionalComments, type PublishedResource } from "./sheets-content.ts";
import { cellRef, sheetFileBase, writeSheetCsvs, writeSheetXlsx, writtenHeaders } from "./sheets-write.ts";
import { TARGET_HEADERS, targetRows } from "./targets.ts";
import { writeXapi, type XapiSummary } from "./xapi.ts";

export { DEMO_SCENARIO } from "./scenario.ts";

export const DEFAULT_SEED = 20261128;
const COUNTRIES_CSV = fileURLToPath(new URL("../../pipelines/reference/countries.csv", import.meta.url));

export interface DemoOptions {
  outDir: string;
  seed?: number;
  /** 1 is ~200,000 usage statements; 0.05 for fast tests; 100 streams. */
  scale?: number;
  /** The window is the 18 whole months ending with the month before this day. Default: today. */
  asOf?: Date;
  log?: (message: string) => void;
  /** Country reference file; default pipelines/reference/countries.csv. */
  countriesCsv?: string;
}

export interface DemoBadRow {
  country: string;
  tab: string;
  /** Relative to outDir; for an .xlsx the tab is a worksheet inside it. */
  file: string;
  /** `Formateurs!C7`, as ops.rejects names a cell. */
  location: string;
  row: number;
  /** Template name of the column, and the header as written in that country. */
  column: string;
  header: string;
  value: string;
  problem: string;
}

export interface DemoManifest {
  outDir: string;
  /** YYYY-MM-DD */
  asOf: string;
  seed: number;
  scale: number;
  /** The window, "YYYY-MM". */
  months: string[];
  /** Every input written, relative to outDir, "/"-separated. */
  files: string[];
  /** Lines written to the xAPI files (usage, repeated, voiding and bad statements). */
  statements: number;
  /** Every name, e-mail and login written into the inputs. */
  personal: string[];
  xapi: Omit<XapiSummary, "files" | "personal" | "lines">;
  badRows: DemoBadRow[];
  /** National exports not written, "ISO2/YYYY-MM". */
  missingNational: string[];
}

function checkOptions(seed: number, scale: number, asOf: Date): void {
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new ImaginEcoleError({
      fr: `Échelle invalide : ${scale}. Donnez un nombre positif, par exemple --scale 0.05 ou --scale 10.`,
      en: `Invalid scale: ${scale}. Give a positive number, e.g. --scale 0.05 or --scale 10.`,
    }, EXIT.usage);
  }
  if (!Number.isSafeInteger(seed)) {
    throw new ImaginEcoleError({
      fr: `Graine invalide : ${seed}. Donnez un nombre entier.`,
      en: `Invalid seed: ${seed}. Give a whole number.`,
    }, EXIT.usage);
  }
  if (Number.isNaN(asOf.getTime())) {
    throw new ImaginEcoleError({
      fr: "Date de référence invalide. Écrivez-la AAAA-MM-JJ, par exemple --as-of 2026-11-28.",
      en: "Invalid as-of date. Write it YYYY-MM-DD, e.g. --as-of 2026-11-28.",
    }, EXIT.usage);
  }
}

/**
 * Writes realistic inputs of the three source kinds for every country of the reference file:
 * `xapi/`, `sheets/<ISO2>/`, `sheets/regional/`, `national/<ISO2>/`, plus `manifest.json`.
 * Same seed, asOf and scale give byte-identical NDJSON and CSV files.
 */
export async function generateDemo(options: DemoOptions): Promise<DemoManifest> {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  const asOf = startOfDay(options.asOf ?? new Date());
  const log = options.log ?? (() => {});
  checkOptions(seed, scale, asOf);
  const { outDir } = options;
  const countries = parseCountries(readFileSync(options.countriesCsv ?? COUNTRIES_CSV, "utf8"));
  const plan = makePlan(countries, asOf, scale, seed);

  // Only our own folders are cleared: a previous demo with another window must not leave months behind.
  for (const part of ["xapi", "sheets", "national", "manifest.json"]) await rm(join(outDir, part), { recursive: true, force: true });
  const written: string[] = [];
  const rel = (path: string) => relative(outDir, path).split(sep).join("/");
  const personal = new Set<string>();
  const badRows: DemoBadRow[] = [];
  const published = new Map<string, readonly PublishedResource[]>();

  for (const cp of plan.countries) {
    const sheet = buildCountrySheet(plan, cp, seed);
    const dir = join(outDir, "sheets", cp.code);
    const xlsx = (DEMO_SCENARIO.xlsxSheets as readonly string[]).includes(cp.code);
    const files = xlsx
      ? [await writeSheetXlsx(dir, cp.nameFr, cp.code, sheet.tabs, asOf, seed)]
      : await writeSheetCsvs(dir, cp.nameFr, cp.code, sheet.tabs, seed);
    written.push(...files);
    sheet.personal.forEach((p) => personal.add(p));
    published.set(cp.code, sheet.published);
    for (const bad of sheet.bad) {
      const tab = sheet.tabs.find((t) => t.tab === bad.tab)!;
      const col = tab.headers.indexOf(bad.column);
      const file = xlsx ? `${sheetFileBase(cp.nameFr)}.xlsx` : `${sheetFileBase(cp.nameFr)} - ${bad.tab}.csv`;
      badRows.push({
        ...bad,
        file: `sheets/${cp.code}/${file}`,
        location: `${bad.tab}!${cellRef(col, bad.row)}`,
        header: writtenHeaders(cp.code, tab)[col] ?? bad.column,
      });
    }
    log(`Feuille / sheet ${cp.code} : ${files.length} fichier(s) / file(s)`);
  }

  const regional = join(outDir, "sheets", "regional");
  await mkdir(regional, { recursive: true });
  const cibles = join(regional, "ImaginEcole Cibles.csv");
  await writeFile(cibles, toCsv([TARGET_HEADERS, ...targetRows(plan, seed)], GOOGLE_CSV), "utf8");
  written.push(cibles);
  const regionalNotes = join(regional, "ImaginEcole Régional - Commentaires.csv");
  await writeFile(regionalNotes, toCsv(regionalComments(plan), GOOGLE_CSV), "utf8");
  written.push(regionalNotes);

  const missingNational: string[] = [];
  const missing = DEMO_SCENARIO.missingNationalExport;
  for (const cp of plan.countries) {
    const rng = rngFor(seed, `national/${cp.code}`);
    const dir = join(outDir, "national", cp.code);
    await mkdir(dir, { recursive: true });
    for (const [m, month] of plan.months.entries()) {
      const days = dailyUsage(rng, month, cp.nationalMau[m]!);
      if (cp.code === missing.country && m === plan.months.length - missing.monthFromEnd) {
        missingNational.push(`${cp.code}/${month.key}`);
        continue;
      }
      const file = nationalFile(DEMO_SCENARIO.national[cp.code] ?? "en-utf8", cp.code, month, days);
      const path = join(dir, file.name);
      await writeFile(path, file.bytes);
      written.push(path);
    }
  }
  log(`Exports nationaux / national exports : ${plan.countries.length} pays / countries`);

  const xapi = await writeXapi({ dir: join(outDir, "xapi"), plan, seed, scale, published, log });
  written.push(...xapi.files.map((f) => join(outDir, "xapi", f)));
  xapi.personal.forEach((p) => personal.add(p));

  const { files: _files, personal: _personal, lines, ...xapiCounts } = xapi;
  const manifest: DemoManifest = {
    outDir,
    asOf: isoDay(asOf),
    seed,
    scale,
    months: plan.months.map((m) => m.key),
    files: written.map(rel).sort(),
    statements: lines,
    personal: [...personal].sort(),
    xapi: xapiCounts,
    badRows,
    missingNational,
  };
  await writeFile(join(outDir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n", "utf8");
  return manifest;
}
