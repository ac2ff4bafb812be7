import { Warehouse } from "../../src/warehouse/warehouse.ts";

/** The number of rows of each table of the warehouse at `db`, opened read-only. */
export async function rowCounts(db: string, tables: readonly string[]): Promise<Record<string, number>> {
  const w = await Warehouse.open(db, { readOnly: true });
  try {
    const out: Record<string, number> = {};
    for (const t of tables) out[t] = Number(await w.scalar(`SELECT count(*) FROM ${t}`));
    return out;
  } finally {
    w.close();
  }
}
