import { DEFAULT_MEMORY_LIMIT, MEMORY_LIMIT_ENV, type Warehouse } from "./warehouse.ts";

/**
 * DuckDB's memory limit while a large file is imported (never raised): past it, intermediate rows
 * spill to disk, so peak memory stays flat whatever the file size, at little cost in speed
 * (national CSV: ~0.5 GB RSS at 1M and 3M rows against 0.7 and 1.2 GB under 1 GB; xAPI: ~0.5 GB
 * at 20M statements against 1.3 GB, as fast).
 */
export const IMPORT_MEMORY_LIMIT = { text: "256MB", bytes: 256 * 2 ** 20 };

const UNITS: Record<string, number> = { bytes: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40 };

/**
 * Runs `work` (a whole batch) under IMPORT_MEMORY_LIMIT when the connection's limit is higher,
 * then sets back the limit the warehouse was opened with (DuckDB shows its limit rounded: it
 * cannot be set back as read). Call it outside any transaction: in one that failed, DuckDB
 * refuses every statement, SET included, until the rollback.
 */
export async function underImportMemoryLimit<T>(wh: Warehouse, work: () => Promise<T>): Promise<T> {
  const current = String(await wh.scalar("SELECT current_setting('memory_limit')"));
  const match = /^(\d+(?:\.\d+)?) ?(bytes|[KMGT]i?B)$/.exec(current);
  if (!match || Number(match[1]) * UNITS[match[2]!]! <= IMPORT_MEMORY_LIMIT.bytes) return work();
  await wh.run(`SET memory_limit = '${IMPORT_MEMORY_LIMIT.text}'`);
  try {
    return await work();
  } finally {
    // Validated by Warehouse.open, which set it.
    await wh.run(`SET memory_limit = '${process.env[MEMORY_LIMIT_ENV] ?? DEFAULT_MEMORY_LIMIT}'`);
  }
}
