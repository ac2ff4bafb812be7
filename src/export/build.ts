import { formatList } from "../core/format.ts";
import { label, labelOf, type Vocabulary } from "../core/labels.ts";
import { LANGS, type Lang } from "../core/lang.ts";
import { lastDayOfMonth } from "../core/periods.ts";
import { sqlFile } from "../warehouse/sql-file.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import type { SnapshotScope } from "./scope.ts";
import { SNAPSHOT_TABLES, type SnapshotTable } from "./tables.ts";

export type Row = Record<string, unknown>;

/** Temporary tables built from sql/<name>.sql, in build order: the later ones read the earlier ones. */
const SQL_TABLES = [
  "snapshot_rows",
  "snapshot_indicators",
  "snapshot_figures",
  "snapshot_provenance",
  "snapshot_quality",
  "snapshot_resources",
];
const ALL_TABLES = [...SQL_TABLES, "snapshot_definitions"];

/**
 * Builds the snapshot's tables as temporary tables of this connection (nothing is written to
 * the warehouse file) and returns their rows in file order. Labels and definitions come from
 * mart.indicator_catalogue: the catalogue the mart was built with; the words for codes from
 * src/core/labels.ts.
 */
export async function buildSnapshotTables(
  warehouse: Warehouse,
  scope: SnapshotScope,
  suppressBelow: number,
): Promise<Map<SnapshotTable, Row[]>> {
  const params = {
    as_of: scope.asOf,
    last_month: scope.lastMonth,
    cover_end: lastDayOfMonth(Number(scope.lastMonth.slice(0, 4)), Number(scope.lastMonth.slice(5, 7))),
    period: scope.period,
    suppress_below: suppressBelow,
    all_fr: label("fr", "scope", "ALL"),
    all_en: label("en", "scope", "ALL"),
  };
  for (const table of SQL_TABLES) await warehouse.run(sqlFile(import.meta.url, `sql/${table}.sql`), params);
  await buildDefinitions(warehouse);
  const rows = new Map<SnapshotTable, Row[]>();
  for (const table of SNAPSHOT_TABLES) rows.set(table, await warehouse.all(selectSql(table)));
  return rows;
}

interface CatalogueRow {
  indicator_id: string;
  position: number;
  label_fr: string;
  label_en: string;
  definition_fr: string;
  definition_en: string;
  unit: string;
  precision: number;
  kind: string;
  cumulative: boolean;
  ascending: boolean;
  disaggregations: string;
  target_key: string | null;
  sources: string;
}

/**
 * The definitions: the catalogue in plain words, with how a period's value is drawn, the
 * breakdowns and the sources in both languages (never a table name).
 */
async function buildDefinitions(warehouse: Warehouse): Promise<void> {
  await warehouse.run(`CREATE OR REPLACE TEMP TABLE snapshot_definitions (
    position INTEGER, indicator_id VARCHAR, label_fr VARCHAR, label_en VARCHAR, definition_fr VARCHAR, definition_en VARCHAR,
    unit VARCHAR, precision INTEGER, kind VARCHAR, kind_rule_fr VARCHAR, kind_rule_en VARCHAR, cumulative BOOLEAN, ascending BOOLEAN,
    breakdowns_fr VARCHAR, breakdowns_en VARCHAR, targeted BOOLEAN, sources_fr VARCHAR, sources_en VARCHAR)`);
  const catalogue = await warehouse.all<CatalogueRow>("SELECT * FROM mart.indicator_catalogue ORDER BY position");
  for (const c of catalogue) {
    const words = (vocabulary: Vocabulary, codes: string, lang: Lang) =>
      formatList(lang, codes.split(",").filter((code) => code !== "").map((code) => label(lang, vocabulary, code))) || "—";
    const [fr, en] = LANGS.map((lang) => ({
      rule: labelOf("kind_rule", c.kind)?.[lang] ?? c.kind,
      breakdowns: words("dimension", c.disaggregations, lang),
      sources: capitalise(words("dataset", c.sources, lang)),
    }));
    await warehouse.run(
      "INSERT INTO snapshot_definitions VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
      [
        c.position, c.indicator_id, c.label_fr, c.label_en, c.definition_fr, c.definition_en, c.unit, c.precision, c.kind,
        fr!.rule, en!.rule, c.cumulative, c.ascending, fr!.breakdowns, en!.breakdowns, c.target_key !== null, fr!.sources, en!.sources,
      ],
    );
  }
}

/** The columns a table ships, in order; identifiers come from SNAPSHOT_TABLES, never from input. */
export function selectSql(table: SnapshotTable): string {
  const columns = table.columns.map((c) => quote(c.key)).join(", ");
  const order = table.orderBy.length ? ` ORDER BY ${table.orderBy.map(quote).join(", ")}` : "";
  return `SELECT ${columns} FROM temp.${quote(table.table)}${order}`;
}

export async function dropSnapshotTables(warehouse: Warehouse): Promise<void> {
  for (const table of ALL_TABLES) await warehouse.run(`DROP TABLE IF EXISTS temp.${quote(table)}`);
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
