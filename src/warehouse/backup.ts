// A consistent copy of the warehouse file: taken while this process holds the file open (DuckDB
// lets no other process write it meanwhile), after a checkpoint has moved the write-ahead log
// into the file, then opened and read back before it is given its final name.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Warehouse } from "./warehouse.ts";

export interface Backup {
  path: string;
  /** Loads recorded in the copy, as read back from it. */
  loads: number;
}

/**
 * Copies the open warehouse into `outDir` as `warehouse-YYYYMMDDTHHMMSSZ.duckdb`. A read-only
 * warehouse cannot be checkpointed: its write-ahead log, if any, is copied beside the copy.
 */
export async function backupWarehouse(warehouse: Warehouse, outDir: string, now = new Date()): Promise<Backup> {
  mkdirSync(outDir, { recursive: true });
  const name = `warehouse-${now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}.duckdb`;
  const path = join(outDir, name);
  const work = join(outDir, `.${name}.tmp-${process.pid}`);
  if (!warehouse.readOnly) await warehouse.run("CHECKPOINT");
  try {
    copyFileSync(warehouse.path, work);
    if (existsSync(`${warehouse.path}.wal`)) copyFileSync(`${warehouse.path}.wal`, `${work}.wal`);
    const loads = await readBack(work);
    if (existsSync(`${work}.wal`)) renameSync(`${work}.wal`, `${path}.wal`);
    renameSync(work, path);
    return { path, loads };
  } catch (error) {
    rmSync(work, { force: true });
    rmSync(`${work}.wal`, { force: true });
    throw error;
  }
}

/** Opens the copy as a restored warehouse would be opened, and counts its loads. */
async function readBack(path: string): Promise<number> {
  const copy = await Warehouse.open(path, { readOnly: true });
  try {
    return Number(await copy.scalar("SELECT count(*) FROM ops.loads"));
  } finally {
    copy.close();
  }
}
