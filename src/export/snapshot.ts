import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { EXIT, ImaginEcoleError } from "../core/errors.ts";
import type { Lang } from "../core/lang.ts";
import { inBoth, say } from "../core/message.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { buildSnapshotTables, dropSnapshotTables } from "./build.ts";
import { formatMonth, isoDate } from "../core/format.ts";
import { toCsv } from "./csv.ts";
import { toJson } from "./json.ts";
import { writeManifest } from "./manifest.ts";
import { writeParquet } from "./parquet.ts";
import { printPages, reportPages } from "./pdf.ts";
import { readmeLines } from "./readme.ts";
import { columnsFor, SNAPSHOT_TABLES } from "./tables.ts";
import { writeWorkbook } from "./xlsx.ts";

export type SnapshotFormat = "xlsx" | "csv" | "parquet" | "json" | "pdf";
export const SNAPSHOT_FORMATS: readonly SnapshotFormat[] = ["xlsx", "csv", "parquet", "json", "pdf"];

/** Counts below this, in breakdowns below the country total, are suppressed unless told otherwise. */
export const DEFAULT_SUPPRESS_BELOW = 5;

export interface SnapshotOptions {
  /** YYYY-MM-DD: nothing dated after it is exported; months are those ended by it. */
  asOf: string;
  outDir: string;
  formats: SnapshotFormat[];
  lang: Lang;
  /** 0 turns suppression off. */
  suppressBelow?: number;
  /** The tool's version, written in the files. */
  version: string;
  /** Only written to manifest.json and the read-me, so the data files stay byte-identical. */
  generatedAt?: Date;
  /** The built dashboard (dist/), printed to PDF when formats include pdf. */
  siteDir?: string;
}

/**
 * Writes a donor snapshot of the warehouse as it stood at `asOf` into `outDir`: a workbook,
 * CSV, Parquet and JSON files, PDF prints of the dashboard, and manifest.json with every file's
 * sha256. The same warehouse and as-of date give byte-identical CSV, JSON and Parquet files.
 */
export async function exportSnapshot(
  warehouse: Warehouse,
  options: SnapshotOptions,
): Promise<{ files: string[]; manifestPath: string }> {
  const asOf = checkAsOf(options.asOf);
  const suppressBelow = checkThreshold(options.suppressBelow ?? DEFAULT_SUPPRESS_BELOW);
  const generatedAt = options.generatedAt ?? new Date();
  const { lang, formats, version } = options;
  const outDir = resolve(options.outDir);
  const printPdf = formats.includes("pdf") && options.siteDir !== undefined;
  if (printPdf) await checkSiteMonths(warehouse, asOf);
  mkdirSync(outDir, { recursive: true });

  const files: string[] = [];
  try {
    const tables = await buildSnapshotTables(warehouse, asOf, suppressBelow);
    const readme = readmeLines({
      asOf, generatedAt, version, lang, suppressBelow,
      phase: await phaseOf(warehouse),
      lastMonth: lastCompleteMonth(asOf),
    });
    const base = `imaginecole-${asOf}`;

    const text = join(outDir, say(lang, { fr: "LISEZ-MOI.txt", en: "README.txt" }));
    const colon = say(lang, { fr: " : ", en: ": " });
    writeFileSync(text, "\uFEFF" + readme.map(([k, v]) => k + colon + v).join("\r\n") + "\r\n");
    files.push(text);

    if (formats.includes("xlsx")) {
      const path = join(outDir, `${base}-${lang}.xlsx`);
      await writeWorkbook(path, { lang, readme, tables, suppressBelow, generatedAt });
      files.push(path);
    }
    if (formats.includes("csv")) {
      mkdirSync(join(outDir, "csv"), { recursive: true });
      for (const [table, rows] of tables) {
        const path = join(outDir, "csv", `${table.file}.csv`);
        writeFileSync(path, toCsv(rows, columnsFor(table, lang), lang, suppressBelow));
        files.push(path);
      }
    }
    if (formats.includes("parquet")) {
      mkdirSync(join(outDir, "parquet"), { recursive: true });
      for (const table of SNAPSHOT_TABLES) {
        const path = join(outDir, "parquet", `${table.file}.parquet`);
        await writeParquet(warehouse, table, path);
        files.push(path);
      }
    }
    if (formats.includes("json")) {
      const path = join(outDir, `${base}.json`);
      writeFileSync(path, toJson({ as_of: asOf, tool: "imaginecole", version, suppress_below: suppressBelow }, tables));
      files.push(path);
    }
    if (printPdf && options.siteDir) {
      const pdfDir = join(outDir, "pdf");
      mkdirSync(pdfDir, { recursive: true });
      const countries = await warehouse.all<{ country_code: string }>(
        "SELECT DISTINCT country_code FROM temp.snapshot_indicators ORDER BY country_code",
      );
      const pages = reportPages(resolve(options.siteDir), lang, countries.map((c) => c.country_code), pdfDir);
      await printPages(resolve(options.siteDir), pages);
      files.push(...pages.map((p) => p.out));
    }
  } finally {
    await dropSnapshotTables(warehouse);
  }

  const manifestPath = writeManifest(outDir, files, {
    tool: "imaginecole", version, as_of: asOf, generated_at: generatedAt.toISOString(), lang, suppress_below: suppressBelow,
  });
  return { files, manifestPath };
}

function checkAsOf(asOf: string): string {
  const date = new Date(`${asOf}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== asOf) {
    throw new ImaginEcoleError({
      fr: `Date d'arrêt invalide : « ${asOf} ». Donnez-la sous la forme AAAA-MM-JJ, par exemple --as-of 2026-10-31.`,
      en: `Invalid as-of date: "${asOf}". Give it as YYYY-MM-DD, for example --as-of 2026-10-31.`,
    }, EXIT.usage);
  }
  return asOf;
}

function checkThreshold(n: number): number {
  if (Number.isFinite(n) && n >= 0) return n;
  throw new ImaginEcoleError({
    fr: `Seuil de masquage invalide : « ${n} ». Donnez un nombre positif ou nul, par exemple --suppress-below 5 (0 ne masque rien).`,
    en: `Invalid suppression threshold: "${n}". Give a number zero or above, for example --suppress-below 5 (0 suppresses nothing).`,
  }, EXIT.usage);
}

/** First day of the last month that ended on or before `asOf`. */
export function lastCompleteMonth(asOf: string): string {
  const next = new Date(`${asOf}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const month = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() - 1, 1));
  return month.toISOString().slice(0, 10);
}

/**
 * The dashboard is printed as built, from the mart: when the mart already describes months after
 * the as-of date, its pages would show them, so the PDF is refused rather than leak them.
 */
async function checkSiteMonths(warehouse: Warehouse, asOf: string): Promise<void> {
  const built = await warehouse.scalar<Date | undefined>("SELECT max(as_of) FROM mart.build_info");
  const last = lastCompleteMonth(asOf);
  if (!built || isoDate(built) <= last) return;
  const month = inBoth((l) => formatMonth(l, built, "long"));
  throw new ImaginEcoleError({
    fr: `Le tableau de bord décrit les mois jusqu'à ${month.fr}, après la date d'arrêt ${asOf} : ses pages imprimées montreraient des données postérieures. Retirez pdf de --format, ou choisissez une date d'arrêt à la fin de ce mois.`,
    en: `The dashboard describes months up to ${month.en}, after the as-of date ${asOf}: its printed pages would show later data. Remove pdf from --format, or choose an as-of date at the end of that month.`,
  }, EXIT.usage);
}

async function phaseOf(warehouse: Warehouse): Promise<{ start: Date; end: Date } | null> {
  const row = await warehouse.one<{ phase_start: Date; phase_end: Date }>(
    "SELECT phase_start, phase_end FROM mart.build_info ORDER BY built_for DESC LIMIT 1",
  );
  return row ? { start: row.phase_start, end: row.phase_end } : null;
}
