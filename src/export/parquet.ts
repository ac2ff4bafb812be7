import type { Warehouse } from "../warehouse/warehouse.ts";
import { selectSql } from "./build.ts";
import type { SnapshotTable } from "./tables.ts";

/** One Parquet file per table, written by DuckDB from the temporary table, rows in file order. */
export async function writeParquet(warehouse: Warehouse, table: SnapshotTable, path: string): Promise<void> {
  await warehouse.run(`COPY (${selectSql(table)}) TO $path (FORMAT parquet, COMPRESSION zstd)`, { path });
}
