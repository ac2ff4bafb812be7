import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { IatiSettings } from "../config/iati.ts";
import { EXIT, ImaginEcoleError } from "../core/errors.ts";
import { isoDate } from "../core/format.ts";
import type { Lang } from "../core/lang.ts";
import { say, type Bilingual } from "../core/message.ts";
import { faultKind, faultMessage } from "../warehouse/faults.ts";
import { discard, swapIn, workFolder } from "../warehouse/output-folder.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { buildSnapshotTables, dropSnapshotTables, type Row } from "./build.ts";
import { citationOf, contentSha256, type Citation } from "./citation.ts";
import { toCsv } from "./csv.ts";
import { iatiXml } from "./iati.ts";
import { toJson, type JsonHeader } from "./json.ts";
import { writeManifest } from "./manifest.ts";
import { writeParquet } from "./parquet.ts";
import { readmeLines, readmeText } from "./readme.ts";
import { reportHtml } from "./report.ts";
import { resolveScope, type SnapshotScope } from "./scope.ts";
import { columnsFor, SNAPSHOT_TABLES, tableNamed, type SnapshotTable } from "./tables.ts";

export type SnapshotFormat = "xlsx" | "csv" | "parquet" | "json" | "pdf" | "iati";
export const SNAPSHOT_FORMATS: readonly SnapshotFormat[] = ["xlsx", "csv", "parquet", "json", "pdf", "iati"];

/** Counts below this, in breakdowns below the country total, are suppressed unless told otherwise. */
export const DEFAULT_SUPPRESS_BELOW = 5;

export interface SnapshotOptions {
  /** YYYY-MM-DD: the phase to date at the end of the last month ended by it. */
  asOf?: string;
  /** A month (2026-10), quarter (2026-Q3) or year (2026): its figures, as of its last day. */
  period?: string;
  outDir: string;
  formats: SnapshotFormat[];
  lang: Lang;
  /** 0 turns suppression off. */
  suppressBelow?: number;
  /** The tool's version, written in the files. */
  version: string;
  /** Only written to manifest.json and the read-me, so the data files stay byte-identical. */
  generatedAt?: Date;
  /** Who publishes the results in IATI (the configuration's `iati`), for the iati format. */
  iati?: IatiSettings;
}

/** A format asked for that could not be produced; the others were. */
export interface FormatFailure {
  format: SnapshotFormat;
  reason: Bilingual;
}

export interface SnapshotResult {
  files: string[];
  manifestPath: string;
  scope: SnapshotScope;
  citation: Citation;
  failures: FormatFailure[];
}

/** Everything a format writer needs. */
interface Snapshot {
  warehouse: Warehouse;
  outDir: string;
  base: string;
  lang: Lang;
  scope: SnapshotScope;
  citation: Citation;
  tables: Map<SnapshotTable, Row[]>;
  header: JsonHeader;
  readme: Array<[string, string]>;
  suppressBelow: number;
  generatedAt: Date;
  phase: { start: Date; end: Date } | null;
  produced: Date;
  iati?: IatiSettings;
}

/**
 * Each format's files, written into the snapshot's folder. The workbook and PDF writers are loaded
 * only for their formats: ExcelJS and Playwright are most of the start of an export without them.
 */
const WRITERS: Record<SnapshotFormat, (s: Snapshot) => Promise<string[]>> = {
  async xlsx(s) {
    const path = join(s.outDir, `${s.base}-${s.lang}.xlsx`);
    const { writeWorkbook } = await import("./xlsx.ts");
    await writeWorkbook(path, { lang: s.lang, citation: s.citation.text[s.lang], readme: s.readme, tables: s.tables, suppressBelow: s.suppressBelow, generatedAt: s.generatedAt });
    return [path];
  },
  async csv(s) {
    mkdirSync(join(s.outDir, "csv"), { recursive: true });
    return [...s.tables].map(([table, rows]) => {
      const path = join(s.outDir, "csv", `${table.file}.csv`);
      writeFileSync(path, toCsv(rows, columnsFor(table, s.lang), s.lang, s.suppressBelow, s.citation.text[s.lang]));
      return path;
    });
  },
  async parquet(s) {
    mkdirSync(join(s.outDir, "parquet"), { recursive: true });
    const files: string[] = [];
    for (const table of SNAPSHOT_TABLES) {
      const path = join(s.outDir, "parquet", `${table.file}.parquet`);
      await writeParquet(s.warehouse, table, path, s.citation.text);
      files.push(path);
    }
    return files;
  },
  async json(s) {
    const path = join(s.outDir, `${s.base}.json`);
    writeFileSync(path, toJson({ ...s.header, citation: s.citation.text }, s.tables));
    return [path];
  },
  async pdf(s) {
    const path = join(s.outDir, `${s.base}-${s.lang}.pdf`);
    const html = reportHtml({
      lang: s.lang, scope: s.scope, citation: s.citation, phase: s.phase, suppressBelow: s.suppressBelow,
      figures: s.tables.get(tableNamed("figures"))!, definitions: s.tables.get(tableNamed("definitions"))!, quality: s.tables.get(tableNamed("quality"))!,
    });
    const { printHtml } = await import("./pdf.ts");
    await printHtml(html, path, s.citation.text[s.lang]);
    return [path];
  },
  async iati(s) {
    if (!s.iati) {
      throw new ImaginEcoleError({
        fr: "La configuration n'a pas de section « iati » (identifiant de l'activité, organisation déclarante) : ajoutez-la (voir pipelines/production.example.json).",
        en: 'The configuration has no "iati" section (activity identifier, reporting organisation): add one (see pipelines/production.example.json).',
      }, EXIT.usage);
    }
    const path = join(s.outDir, `${s.base}-iati.xml`);
    writeFileSync(path, iatiXml({
      settings: s.iati, lang: s.lang, scope: s.scope, citation: s.citation, phase: s.phase, produced: s.produced,
      indicators: s.tables.get(tableNamed("indicators"))!, definitions: s.tables.get(tableNamed("definitions"))!,
    }));
    return [path];
  },
};

/**
 * Writes a donor snapshot into `outDir`: the figures of a period (`period`) or of the phase to date
 * (`asOf`), every complete period before, all countries together and each country, with the
 * definitions, the data quality and the provenance of every figure, as a workbook, CSV, Parquet,
 * JSON, a PDF report and an IATI activity file, each carrying the citation; then manifest.json with
 * every file's sha256. The same warehouse and period give byte-identical CSV, JSON and Parquet
 * files. A format that cannot be produced is reported and the others are written.
 *
 * The folder is written under a hidden name beside `outDir`, then renamed to it (replacing a
 * previous snapshot there): a killed or failed export leaves no folder under the final name.
 */
export async function exportSnapshot(warehouse: Warehouse, options: SnapshotOptions): Promise<SnapshotResult> {
  const suppressBelow = checkThreshold(options.suppressBelow ?? DEFAULT_SUPPRESS_BELOW);
  const build = await buildOf(warehouse);
  const scope = resolveScope({ asOf: options.asOf, period: options.period }, build);
  const generatedAt = options.generatedAt ?? new Date();
  const { lang, version } = options;
  const formats = SNAPSHOT_FORMATS.filter((f) => options.formats.includes(f));
  const finalDir = resolve(options.outDir);
  checkOutFolder(finalDir);
  const outDir = workFolder(finalDir);

  const files: string[] = [];
  const failures: FormatFailure[] = [];
  let written = false;
  try {
    const tables = await buildSnapshotTables(warehouse, scope, suppressBelow);
    const produced = isoDate(build.builtFor);
    const header: JsonHeader = {
      label: scope.label, period: scope.period, as_of: scope.asOf, last_month: scope.lastMonth, produced,
      tool: "imaginecole", version, suppress_below: suppressBelow,
    };
    const citation = citationOf(scope.label, produced, contentSha256(toJson(header, tables)));
    const readme = readmeLines({ scope, citation, generatedAt, version, lang, suppressBelow, phase: build.phase });
    const text = join(outDir, say(lang, { fr: "LISEZ-MOI.txt", en: "README.txt" }));
    writeFileSync(text, readmeText(lang, readme));
    files.push(text);

    const snapshot: Snapshot = {
      warehouse, outDir, base: `imaginecole-${scope.label}`, lang, scope, citation, tables, header, readme,
      suppressBelow, generatedAt, phase: build.phase, produced: build.builtFor, iati: options.iati,
    };
    for (const format of formats) {
      try {
        files.push(...(await WRITERS[format](snapshot)));
      } catch (error) {
        failures.push({ format, reason: reasonOf(format, error, finalDir) });
      }
    }
    const manifestPath = writeManifest(outDir, files, {
      tool: "imaginecole", version, label: scope.label, period: scope.period, as_of: scope.asOf, produced,
      generated_at: generatedAt.toISOString(), lang, suppress_below: suppressBelow, content_sha256: citation.sha256,
      citation: citation.text, failed: failures,
    });
    swapIn(outDir, finalDir);
    written = true;
    const moved = (path: string) => join(finalDir, relative(outDir, path));
    return { files: files.map(moved), manifestPath: moved(manifestPath), scope, citation, failures };
  } finally {
    if (!written) discard(outDir);
    await dropSnapshotTables(warehouse);
  }
}

/**
 * The snapshot replaces the folder it is given: refused when that folder holds something else
 * than a snapshot (no manifest.json), so nobody's files are swept away.
 */
function checkOutFolder(dir: string): void {
  if (!existsSync(dir) || existsSync(join(dir, "manifest.json")) || readdirSync(dir).length === 0) return;
  throw new ImaginEcoleError({
    fr: `Le dossier ${dir} existe et n'est pas un instantané (pas de manifest.json) : l'instantané remplace tout son dossier. Donnez un dossier nouveau ou vide à --out.`,
    en: `The folder ${dir} exists and is not a snapshot (no manifest.json): a snapshot replaces its whole folder. Give --out a new or empty folder.`,
  }, EXIT.usage);
}

/** What a person is told when a format failed: our own errors as they are, others named by the format. */
function reasonOf(format: SnapshotFormat, error: unknown, outDir: string): Bilingual {
  if (error instanceof ImaginEcoleError) return error.bilingual;
  const fault = faultKind(error);
  if (fault === "disk_full" || fault === "read_only") return faultMessage(fault, outDir);
  const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
  return {
    fr: `Le format ${format} n'a pas pu être produit (${message}) ; les autres fichiers sont écrits.`,
    en: `The ${format} format could not be produced (${message}); the other files are written.`,
  };
}

function checkThreshold(n: number): number {
  if (Number.isFinite(n) && n >= 0) return n;
  throw new ImaginEcoleError({
    fr: `Seuil de masquage invalide : « ${n} ». Donnez un nombre positif ou nul, par exemple --suppress-below 5 (0 ne masque rien).`,
    en: `Invalid suppression threshold: "${n}". Give a number zero or above, for example --suppress-below 5 (0 suppresses nothing).`,
  }, EXIT.usage);
}

/** The mart's build: what it covers, its phase and when it was computed. */
async function buildOf(warehouse: Warehouse): Promise<{ lastMonth: string; phaseStart: string; phase: { start: Date; end: Date } | null; builtFor: Date }> {
  const row = await warehouse.one<{ built_for: Date; as_of: Date; phase_start: Date; phase_end: Date }>(
    "SELECT built_for, as_of, phase_start, phase_end FROM mart.build_info ORDER BY built_for DESC LIMIT 1",
  );
  if (!row) {
    throw new ImaginEcoleError({
      fr: "Les indicateurs n'ont pas encore été calculés dans cet entrepôt : lancez « npx imaginecole run » d'abord.",
      en: 'The indicators have not been computed in this warehouse yet: run "npx imaginecole run" first.',
    }, EXIT.usage);
  }
  return {
    lastMonth: isoDate(row.as_of),
    phaseStart: isoDate(row.phase_start),
    phase: { start: row.phase_start, end: row.phase_end },
    builtFor: row.built_for,
  };
}
