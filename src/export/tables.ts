import type { Lang } from "../core/lang.ts";
import type { Vocabulary } from "../core/labels.ts";
import type { Bilingual } from "../core/message.ts";

/** What a column holds, which decides how each format writes it. */
export type ColumnType =
  | "text" | "code" | "disaggregation" | "number" | "integer" | "year" | "date" | "month" | "timestamp" | "boolean";

export interface Column {
  /** Column of the temporary table, and key in JSON and Parquet. */
  key: string;
  type: ColumnType;
  header: Bilingual;
  /** Only in this language's CSV and workbook (labels held in both languages). */
  lang?: Lang;
  /** For numbers: the column naming the row's unit, which picks the number format. */
  unitFrom?: string;
  /** For numbers: the unit of every row, when no column names it. */
  unit?: string;
  /** For numbers: blank, and marked as suppressed, when this boolean column is true. */
  suppressedBy?: string;
  /** For codes: their vocabulary in src/core/labels.ts. */
  codes?: Vocabulary;
}

export interface SnapshotTable {
  /** Temporary table built by sql/<table>.sql, also the CSV and Parquet file name. */
  table: string;
  file: string;
  sheet: Bilingual;
  columns: Column[];
  /** Sort keys, so every file lists rows in the same order. */
  orderBy: string[];
}

const country: Column[] = [
  { key: "country_code", type: "text", header: { fr: "Code pays", en: "Country code" } },
  { key: "country_fr", type: "text", header: { fr: "Pays", en: "Country" }, lang: "fr" },
  { key: "country_en", type: "text", header: { fr: "Pays", en: "Country" }, lang: "en" },
];

/** Every figure's columns: the figures table and the all-periods one share them. */
const figure: Column[] = [
  ...country,
  { key: "period_type", type: "code", codes: "period_type", header: { fr: "Type de période", en: "Period type" } },
  { key: "period", type: "text", header: { fr: "Période", en: "Period" } },
  { key: "period_start", type: "date", header: { fr: "Début", en: "Start" } },
  { key: "period_end", type: "date", header: { fr: "Fin", en: "End" } },
  { key: "indicator_id", type: "text", header: { fr: "Code indicateur", en: "Indicator id" } },
  { key: "label_fr", type: "text", header: { fr: "Indicateur", en: "Indicator" }, lang: "fr" },
  { key: "label_en", type: "text", header: { fr: "Indicateur", en: "Indicator" }, lang: "en" },
  { key: "unit", type: "code", codes: "unit", header: { fr: "Unité", en: "Unit" } },
  { key: "disaggregation", type: "disaggregation", header: { fr: "Ventilation", en: "Breakdown" } },
  { key: "value", type: "number", unitFrom: "unit", suppressedBy: "suppressed", header: { fr: "Valeur de la période", en: "Value for the period" } },
  { key: "running_total", type: "number", unitFrom: "unit", suppressedBy: "running_total_suppressed", header: { fr: "Cumul depuis le début de la phase", en: "Running total since the phase start" } },
  { key: "numerator", type: "integer", header: { fr: "Numérateur (taux)", en: "Numerator (rates)" } },
  { key: "denominator", type: "integer", header: { fr: "Dénominateur (taux)", en: "Denominator (rates)" } },
  { key: "target", type: "number", unitFrom: "unit", header: { fr: "Cible de la trajectoire en fin de période", en: "Trajectory target at the period end" } },
  { key: "target_status", type: "code", codes: "target_status", header: { fr: "Situation par rapport à la cible", en: "Against target" } },
  { key: "year_target", type: "number", unitFrom: "unit", header: { fr: "Cible de l'année", en: "Annual target" } },
  { key: "phase_target", type: "number", unitFrom: "unit", header: { fr: "Cible de la phase", en: "Phase target" } },
  { key: "baseline", type: "number", unitFrom: "unit", header: { fr: "Valeur de référence", en: "Baseline" } },
  { key: "baseline_year", type: "year", header: { fr: "Année de référence", en: "Baseline year" } },
  { key: "denominator_year", type: "year", header: { fr: "Année du dénominateur", en: "Denominator year" } },
  { key: "status", type: "code", codes: "approval", header: { fr: "Statut des données", en: "Data status" } },
  { key: "suppressed", type: "boolean", header: { fr: "Masqué (petit effectif)", en: "Suppressed (small count)" } },
  { key: "running_total_suppressed", type: "boolean", header: { fr: "Cumul masqué (petit effectif)", en: "Running total suppressed (small count)" } },
];

/** The snapshot's tables, in the order of the workbook's sheets. */
export const SNAPSHOT_TABLES: SnapshotTable[] = [
  {
    table: "snapshot_figures",
    file: "figures",
    sheet: { fr: "Chiffres", en: "Figures" },
    columns: figure,
    orderBy: ["country_code", "position", "indicator_id", "disaggregation"],
  },
  {
    table: "snapshot_indicators",
    file: "indicators",
    sheet: { fr: "Toutes les périodes", en: "All periods" },
    columns: figure,
    orderBy: ["country_code", "period_rank", "period_end", "position", "indicator_id", "disaggregation"],
  },
  {
    table: "snapshot_definitions",
    file: "definitions",
    sheet: { fr: "Définitions", en: "Definitions" },
    columns: [
      { key: "indicator_id", type: "text", header: { fr: "Code indicateur", en: "Indicator id" } },
      { key: "label_fr", type: "text", header: { fr: "Indicateur", en: "Indicator" }, lang: "fr" },
      { key: "label_en", type: "text", header: { fr: "Indicateur", en: "Indicator" }, lang: "en" },
      { key: "definition_fr", type: "text", header: { fr: "Définition", en: "Definition" }, lang: "fr" },
      { key: "definition_en", type: "text", header: { fr: "Définition", en: "Definition" }, lang: "en" },
      { key: "unit", type: "code", codes: "unit", header: { fr: "Unité", en: "Unit" } },
      { key: "precision", type: "integer", header: { fr: "Décimales", en: "Decimals" } },
      { key: "kind", type: "code", codes: "kind", header: { fr: "Nature", en: "Kind" } },
      { key: "kind_rule_fr", type: "text", header: { fr: "Valeur d'une période", en: "Value for a period" }, lang: "fr" },
      { key: "kind_rule_en", type: "text", header: { fr: "Valeur d'une période", en: "Value for a period" }, lang: "en" },
      { key: "cumulative", type: "boolean", header: { fr: "Cible comparée au cumul", en: "Target compared with the running total" } },
      { key: "ascending", type: "boolean", header: { fr: "Plus haut, mieux", en: "Higher is better" } },
      { key: "breakdowns_fr", type: "text", header: { fr: "Ventilations", en: "Breakdowns" }, lang: "fr" },
      { key: "breakdowns_en", type: "text", header: { fr: "Ventilations", en: "Breakdowns" }, lang: "en" },
      { key: "targeted", type: "boolean", header: { fr: "Cible dans l'onglet Cibles", en: "Target in the Cibles tab" } },
      { key: "sources_fr", type: "text", header: { fr: "Sources", en: "Sources" }, lang: "fr" },
      { key: "sources_en", type: "text", header: { fr: "Sources", en: "Sources" }, lang: "en" },
    ],
    orderBy: ["position", "indicator_id"],
  },
  {
    table: "snapshot_quality",
    file: "quality",
    sheet: { fr: "Qualité", en: "Quality" },
    columns: [
      ...country,
      { key: "source", type: "code", codes: "source", header: { fr: "Source", en: "Source" } },
      { key: "months_expected", type: "integer", header: { fr: "Mois attendus", en: "Months expected" } },
      { key: "months_not_measurable", type: "integer", header: { fr: "Mois non mesurables (avant le suivi de la feuille)", en: "Months not measurable (before the sheet was watched)" } },
      { key: "months_received", type: "integer", header: { fr: "Mois reçus", en: "Months received" } },
      { key: "months_backfilled", type: "integer", header: { fr: "Mois reçus en rattrapage (premier envoi)", en: "Months back-filled (first delivery)" } },
      { key: "months_on_time", type: "integer", header: { fr: "Mois reçus à temps", en: "Months on time" } },
      { key: "completeness", type: "number", unit: "percent", header: { fr: "Complétude (%)", en: "Completeness (%)" } },
      { key: "timeliness", type: "number", unit: "percent", header: { fr: "Ponctualité (%)", en: "Timeliness (%)" } },
      { key: "missing_months", type: "text", header: { fr: "Mois manquants", en: "Missing months" } },
      { key: "rows_rejected", type: "integer", header: { fr: "Lignes rejetées", en: "Rows rejected" } },
    ],
    orderBy: ["country_code", "source"],
  },
  {
    table: "snapshot_provenance",
    file: "provenance",
    sheet: { fr: "Provenance", en: "Provenance" },
    columns: [
      { key: "source", type: "code", codes: "source", header: { fr: "Source", en: "Source" } },
      { key: "location", type: "text", header: { fr: "Emplacement", en: "Location" } },
      { key: "country_code", type: "text", header: { fr: "Code pays", en: "Country code" } },
      { key: "load_id", type: "text", header: { fr: "Chargement", en: "Load" } },
      { key: "started_at", type: "timestamp", header: { fr: "Début (UTC)", en: "Started (UTC)" } },
      { key: "finished_at", type: "timestamp", header: { fr: "Fin (UTC)", en: "Finished (UTC)" } },
      { key: "status", type: "code", codes: "load_status", header: { fr: "Statut", en: "Status" } },
      { key: "content_sha256", type: "text", header: { fr: "Empreinte SHA-256 du contenu lu", en: "SHA-256 of the content read" } },
      { key: "rows_read", type: "integer", header: { fr: "Lignes lues", en: "Rows read" } },
      { key: "rows_loaded", type: "integer", header: { fr: "Lignes chargées", en: "Rows loaded" } },
      { key: "rows_rejected", type: "integer", header: { fr: "Lignes rejetées", en: "Rows rejected" } },
    ],
    orderBy: ["source", "location", "country_code", "started_at", "load_id"],
  },
  {
    table: "snapshot_resources",
    file: "resources",
    sheet: { fr: "Ressources", en: "Resources" },
    columns: [
      ...country,
      { key: "resource_id", type: "text", header: { fr: "ID ressource", en: "Resource id" } },
      { key: "title", type: "text", header: { fr: "Titre", en: "Title" } },
      { key: "discipline", type: "text", header: { fr: "Discipline", en: "Subject" } },
      { key: "level", type: "code", codes: "level", header: { fr: "Niveau", en: "Level" } },
      { key: "language", type: "text", header: { fr: "Langue", en: "Language" } },
      { key: "type", type: "text", header: { fr: "Type", en: "Type" } },
      { key: "status", type: "code", codes: "resource_status", header: { fr: "Statut", en: "Status" } },
      { key: "status_date", type: "date", header: { fr: "Date du statut", en: "Status date" } },
      { key: "link", type: "text", header: { fr: "Lien", en: "Link" } },
    ],
    orderBy: ["country_code", "resource_id"],
  },
];

/** A table by its file name (figures, indicators…). */
export function tableNamed(file: string): SnapshotTable {
  const table = SNAPSHOT_TABLES.find((t) => t.file === file);
  if (!table) throw new Error(`no snapshot table ${file}`);
  return table;
}

/** The columns a CSV or a sheet in `lang` shows. */
export function columnsFor(table: SnapshotTable, lang: Lang): Column[] {
  return table.columns.filter((c) => !c.lang || c.lang === lang);
}
