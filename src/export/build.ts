import { sqlFile } from "../warehouse/sql-file.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { SNAPSHOT_TABLES, type SnapshotTable } from "./tables.ts";

export type Row = Record<string, unknown>;

/** Temporary tables in build order: the later ones read the earlier ones. */
const BUILD_ORDER = [
  "snapshot_months",
  "snapshot_indicators",
  "snapshot_by_country",
  "snapshot_definitions",
  "snapshot_quality",
  "snapshot_provenance",
  "snapshot_resources",
];

/**
 * Builds the snapshot's tables as temporary tables of this connection (nothing is written to
 * the warehouse file) and returns their rows in file order. Labels and definitions come from
 * mart.indicator_catalogue: the catalogue the mart was built with.
 */
export async function buildSnapshotTables(
  warehouse: Warehouse,
  asOf: string,
  suppressBelow: number,
): Promise<Map<SnapshotTable, Row[]>> {
  const params: Record<string, Record<string, string | number>> = {
    snapshot_months: { as_of: asOf, suppress_below: suppressBelow },
    snapshot_quality: { as_of: asOf },
    snapshot_provenance: { as_of: asOf },
    snapshot_resources: { as_of: asOf },
  };
  for (const table of BUILD_ORDER) {
    await warehouse.run(sqlFile(import.meta.url, `sql/${table}.sql`), params[table]);
  }
  const rows = new Map<SnapshotTable, Row[]>();
  for (const table of SNAPSHOT_TABLES) rows.set(table, await warehouse.all(selectSql(table)));
  return rows;
}

/** The columns a table ships, in order; identifiers come from SNAPSHOT_TABLES, never from input. */
export function selectSql(table: SnapshotTable): string {
  const columns = table.columns.map((c) => quote(c.key)).join(", ");
  const order = table.orderBy.length ? ` ORDER BY ${table.orderBy.map(quote).join(", ")}` : "";
  return `SELECT ${columns} FROM temp.${quote(table.table)}${order}`;
}

export async function dropSnapshotTables(warehouse: Warehouse): Promise<void> {
  for (const table of BUILD_ORDER) await warehouse.run(`DROP TABLE IF EXISTS temp.${quote(table)}`);
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
