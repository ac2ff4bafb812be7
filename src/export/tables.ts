/** What a column holds, which decides how each format writes it. */
export type ColumnType =
  | "text" | "code" | "disaggregation" | "number" | "integer" | "year" | "date" | "month" | "timestamp" | "boolean";

export interface Column {
  /** Column of the temporary table, and key in JSON and Parquet. */
  key: string;
  type: ColumnType;
  header: { fr: string; en: string };
  /** Only in this language's CSV and workbook (labels held in both languages). */
  lang?: "fr" | "en";
  /** For numbers: the column naming the row's unit, which picks the number format. */
  unitFrom?: string;
  /** For numbers: the unit of every row, when no column names it. */
  unit?: string;
  /** For numbers: blank, and marked as suppressed, when this boolean column is true. */
  suppressedBy?: string;
  /** For codes: the dictionary (formats.ts) that translates them. */
  codes?: string;
}

export interface SnapshotTable {
  /** Temporary table built by sql/<table>.sql, also the CSV and Parquet file name. */
  table: string;
  file: string;
  sheet: { fr: string; en: string };
  columns: Column[];
  /** Sort keys, so every file lists rows in the same order. */
  orderBy: string[];
}

const h = (fr: string, en: string) => ({ fr, en });
const country: Column[] = [
  { key: "country_code", type: "text", header: h("Code pays", "Country code") },
  { key: "country_fr", type: "text", header: h("Pays", "Country"), lang: "fr" },
  { key: "country_en", type: "text", header: h("Pays", "Country"), lang: "en" },
];
const indicator: Column[] = [
  { key: "indicator_id", type: "text", header: h("Code indicateur", "Indicator id") },
  { key: "label_fr", type: "text", header: h("Indicateur", "Indicator"), lang: "fr" },
  { key: "label_en", type: "text", header: h("Indicateur", "Indicator"), lang: "en" },
  { key: "unit", type: "code", codes: "unit", header: h("Unité", "Unit") },
  { key: "disaggregation", type: "disaggregation", header: h("Ventilation", "Breakdown") },
];
const valued = (valueHeader: { fr: string; en: string }): Column[] => [
  { key: "value", type: "number", unitFrom: "unit", suppressedBy: "suppressed", header: valueHeader },
  { key: "target", type: "number", unitFrom: "unit", header: h("Cible à ce mois (trajectoire)", "Target for the month (trajectory)") },
];
const tail: Column[] = [
  { key: "target_status", type: "code", codes: "target_status", header: h("Situation par rapport à la cible", "Against target") },
  { key: "denominator_year", type: "year", header: h("Année du dénominateur", "Denominator year") },
  { key: "status", type: "code", codes: "status", header: h("Statut des données", "Data status") },
  { key: "suppressed", type: "boolean", header: h("Masqué (petit effectif)", "Suppressed (small count)") },
];

/** The snapshot's tables, in the order of the workbook's sheets. */
export const SNAPSHOT_TABLES: SnapshotTable[] = [
  {
    table: "snapshot_indicators",
    file: "indicators",
    sheet: h("Indicateurs", "Indicators"),
    columns: [
      ...country,
      { key: "period", type: "month", header: h("Mois", "Month") },
      ...indicator,
      ...valued(h("Valeur", "Value")),
      ...tail,
    ],
    orderBy: ["country_code", "period", "position", "indicator_id", "disaggregation"],
  },
  {
    table: "snapshot_by_country",
    file: "by_country",
    sheet: h("Par pays", "By country"),
    columns: [
      ...country,
      ...indicator,
      { key: "first_period", type: "month", header: h("Premier mois", "First month") },
      { key: "last_period", type: "month", header: h("Dernier mois", "Last month") },
      ...valued(h("Valeur depuis le début de la phase", "Phase-to-date value")),
      { key: "final_target", type: "number", unitFrom: "unit", header: h("Cible de l'échéance", "Milestone target") },
      { key: "deadline", type: "date", header: h("Échéance", "Deadline") },
      ...tail,
    ],
    orderBy: ["country_code", "position", "indicator_id", "disaggregation"],
  },
  {
    table: "snapshot_definitions",
    file: "definitions",
    sheet: h("Définitions", "Definitions"),
    columns: [
      { key: "indicator_id", type: "text", header: h("Code indicateur", "Indicator id") },
      { key: "label_fr", type: "text", header: h("Indicateur", "Indicator"), lang: "fr" },
      { key: "label_en", type: "text", header: h("Indicateur", "Indicator"), lang: "en" },
      { key: "definition_fr", type: "text", header: h("Définition", "Definition"), lang: "fr" },
      { key: "definition_en", type: "text", header: h("Définition", "Definition"), lang: "en" },
      { key: "unit", type: "code", codes: "unit", header: h("Unité", "Unit") },
      { key: "kind", type: "code", codes: "kind", header: h("Nature", "Kind") },
      { key: "phase_aggregate", type: "code", codes: "phase_aggregate", header: h("Depuis le début de la phase", "Phase to date") },
      { key: "disaggregations", type: "text", header: h("Ventilations", "Breakdowns") },
      { key: "target_key", type: "text", header: h("Cible (onglet Cibles)", "Target (Cibles tab)") },
      { key: "sources", type: "text", header: h("Sources", "Sources") },
    ],
    orderBy: ["position", "indicator_id"],
  },
  {
    table: "snapshot_quality",
    file: "quality",
    sheet: h("Qualité", "Quality"),
    columns: [
      ...country,
      { key: "source", type: "text", header: h("Source", "Source") },
      { key: "months_expected", type: "integer", header: h("Mois attendus", "Months expected") },
      { key: "months_received", type: "integer", header: h("Mois reçus", "Months received") },
      { key: "months_on_time", type: "integer", header: h("Mois reçus à temps", "Months on time") },
      { key: "completeness", type: "number", unit: "percent", header: h("Complétude (%)", "Completeness (%)") },
      { key: "timeliness", type: "number", unit: "percent", header: h("Ponctualité (%)", "Timeliness (%)") },
      { key: "missing_months", type: "text", header: h("Mois manquants", "Missing months") },
      { key: "rows_rejected", type: "integer", header: h("Lignes rejetées", "Rows rejected") },
    ],
    orderBy: ["country_code", "source"],
  },
  {
    table: "snapshot_provenance",
    file: "provenance",
    sheet: h("Provenance", "Provenance"),
    columns: [
      { key: "source", type: "text", header: h("Source", "Source") },
      { key: "location", type: "text", header: h("Emplacement", "Location") },
      { key: "country_code", type: "text", header: h("Code pays", "Country code") },
      { key: "load_id", type: "text", header: h("Chargement", "Load") },
      { key: "started_at", type: "timestamp", header: h("Début (UTC)", "Started (UTC)") },
      { key: "finished_at", type: "timestamp", header: h("Fin (UTC)", "Finished (UTC)") },
      { key: "status", type: "code", codes: "load_status", header: h("Statut", "Status") },
      { key: "content_sha256", type: "text", header: h("Empreinte SHA-256 du contenu lu", "SHA-256 of the content read") },
      { key: "rows_read", type: "integer", header: h("Lignes lues", "Rows read") },
      { key: "rows_loaded", type: "integer", header: h("Lignes chargées", "Rows loaded") },
      { key: "rows_rejected", type: "integer", header: h("Lignes rejetées", "Rows rejected") },
    ],
    orderBy: ["source", "location", "country_code", "load_id"],
  },
  {
    table: "snapshot_resources",
    file: "resources",
    sheet: h("Ressources", "Resources"),
    columns: [
      ...country,
      { key: "resource_id", type: "text", header: h("ID ressource", "Resource id") },
      { key: "title", type: "text", header: h("Titre", "Title") },
      { key: "discipline", type: "text", header: h("Discipline", "Subject") },
      { key: "level", type: "code", codes: "level", header: h("Niveau", "Level") },
      { key: "language", type: "text", header: h("Langue", "Language") },
      { key: "type", type: "text", header: h("Type", "Type") },
      { key: "status", type: "code", codes: "resource_status", header: h("Statut", "Status") },
      { key: "status_date", type: "date", header: h("Date du statut", "Status date") },
      { key: "link", type: "text", header: h("Lien", "Link") },
    ],
    orderBy: ["country_code", "resource_id"],
  },
];

/** The columns a CSV or a sheet in `lang` shows. */
export function columnsFor(table: SnapshotTable, lang: "fr" | "en"): Column[] {
  return table.columns.filter((c) => !c.lang || c.lang === lang);
}
