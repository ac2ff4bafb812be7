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
const indicator: Column[] = [
  { key: "indicator_id", type: "text", header: { fr: "Code indicateur", en: "Indicator id" } },
  { key: "label_fr", type: "text", header: { fr: "Indicateur", en: "Indicator" }, lang: "fr" },
  { key: "label_en", type: "text", header: { fr: "Indicateur", en: "Indicator" }, lang: "en" },
  { key: "unit", type: "code", codes: "unit", header: { fr: "Unité", en: "Unit" } },
  { key: "disaggregation", type: "disaggregation", header: { fr: "Ventilation", en: "Breakdown" } },
];
const valued = (valueHeader: Bilingual): Column[] => [
  { key: "value", type: "number", unitFrom: "unit", suppressedBy: "suppressed", header: valueHeader },
  { key: "target", type: "number", unitFrom: "unit", header: { fr: "Cible à ce mois (trajectoire)", en: "Target for the month (trajectory)" } },
];
const tail: Column[] = [
  { key: "target_status", type: "code", codes: "target_status", header: { fr: "Situation par rapport à la cible", en: "Against target" } },
  { key: "denominator_year", type: "year", header: { fr: "Année du dénominateur", en: "Denominator year" } },
  { key: "status", type: "code", codes: "approval", header: { fr: "Statut des données", en: "Data status" } },
  { key: "suppressed", type: "boolean", header: { fr: "Masqué (petit effectif)", en: "Suppressed (small count)" } },
];

/** The snapshot's tables, in the order of the workbook's sheets. */
export const SNAPSHOT_TABLES: SnapshotTable[] = [
  {
    table: "snapshot_indicators",
    file: "indicators",
    sheet: { fr: "Indicateurs", en: "Indicators" },
    columns: [
      ...country,
      { key: "period", type: "month", header: { fr: "Mois", en: "Month" } },
      ...indicator,
      ...valued({ fr: "Valeur", en: "Value" }),
      ...tail,
    ],
    orderBy: ["country_code", "period", "position", "indicator_id", "disaggregation"],
  },
  {
    table: "snapshot_by_country",
    file: "by_country",
    sheet: { fr: "Par pays", en: "By country" },
    columns: [
      ...country,
      ...indicator,
      { key: "first_period", type: "month", header: { fr: "Premier mois", en: "First month" } },
      { key: "last_period", type: "month", header: { fr: "Dernier mois", en: "Last month" } },
      ...valued({ fr: "Valeur depuis le début de la phase", en: "Phase-to-date value" }),
      { key: "final_target", type: "number", unitFrom: "unit", header: { fr: "Cible de l'échéance", en: "Milestone target" } },
      { key: "deadline", type: "date", header: { fr: "Échéance", en: "Deadline" } },
      ...tail,
    ],
    orderBy: ["country_code", "position", "indicator_id", "disaggregation"],
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
      { key: "kind", type: "code", codes: "kind", header: { fr: "Nature", en: "Kind" } },
      { key: "phase_aggregate", type: "code", codes: "phase_aggregate", header: { fr: "Depuis le début de la phase", en: "Phase to date" } },
      { key: "disaggregations", type: "text", header: { fr: "Ventilations", en: "Breakdowns" } },
      { key: "target_key", type: "text", header: { fr: "Cible (onglet Cibles)", en: "Target (Cibles tab)" } },
      { key: "sources", type: "text", header: { fr: "Sources", en: "Sources" } },
    ],
    orderBy: ["position", "indicator_id"],
  },
  {
    table: "snapshot_quality",
    file: "quality",
    sheet: { fr: "Qualité", en: "Quality" },
    columns: [
      ...country,
      { key: "source", type: "text", header: { fr: "Source", en: "Source" } },
      { key: "months_expected", type: "integer", header: { fr: "Mois attendus", en: "Months expected" } },
      { key: "months_received", type: "integer", header: { fr: "Mois reçus", en: "Months received" } },
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
      { key: "source", type: "text", header: { fr: "Source", en: "Source" } },
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
    orderBy: ["source", "location", "country_code", "load_id"],
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

/** The columns a CSV or a sheet in `lang` shows. */
export function columnsFor(table: SnapshotTable, lang: Lang): Column[] {
  return table.columns.filter((c) => !c.lang || c.lang === lang);
}
