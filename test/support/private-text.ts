// Private free text (ColumnContract.freeText = "private") is kept in the warehouse by contract and
// never published: the warehouse scans for names leave those columns to test/privacy, which checks
// that none of their values reaches the site or an export.
import { TAB_CONTRACTS } from "../../src/sources/sheets/contracts.ts";

/** `schema.table.column` of every private free-text column. */
export const PRIVATE_TEXT_COLUMNS: ReadonlySet<string> = new Set(
  TAB_CONTRACTS.flatMap((tab) => tab.columns.filter((c) => c.freeText === "private").map((c) => `${tab.table}.${c.key}`)),
);

/** `SELECT *` of a table without its private free-text columns. */
export function selectPublicColumns(table: string): string {
  const hidden = [...PRIVATE_TEXT_COLUMNS].filter((c) => c.startsWith(`${table}.`)).map((c) => c.slice(table.length + 1));
  return `SELECT * ${hidden.length > 0 ? `EXCLUDE (${hidden.join(", ")}) ` : ""}FROM ${table}`;
}
