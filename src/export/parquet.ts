import type { Bilingual } from "../core/message.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { selectSql } from "./build.ts";
import type { SnapshotTable } from "./tables.ts";

/**
 * One Parquet file per table, written by DuckDB from the temporary table, rows in file order; the
 * citation in both languages is the file's key-value metadata (citation_fr, citation_en).
 */
export async function writeParquet(warehouse: Warehouse, table: SnapshotTable, path: string, citation: Bilingual): Promise<void> {
  const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const metadata = `{citation_fr: ${literal(citation.fr)}, citation_en: ${literal(citation.en)}}`;
  await warehouse.run(`COPY (${selectSql(table)}) TO $path (FORMAT parquet, COMPRESSION zstd, KV_METADATA ${metadata})`, { path });
}
