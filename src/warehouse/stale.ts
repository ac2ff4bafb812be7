import type { Warehouse } from "./warehouse.ts";

/** The outputs rebuilt from the warehouse: the mart (src/mart/) and the Parquet lake (src/lake/). */
export type DerivedOutput = "mart" | "lake";

/**
 * Marks an output out of date. Called inside a load's transaction: the mark is committed with
 * the rows that made it stale, or not at all.
 */
export async function markStale(warehouse: Warehouse, output: DerivedOutput, loadId: string): Promise<void> {
  await warehouse.run("INSERT INTO ops.stale_outputs VALUES ($1, $2, now())", [output, loadId]);
}

/**
 * Whether a committed load came after the output's last complete rebuild. A warehouse opened
 * read-only before the marks' migration has no marks: nothing is known to be stale.
 */
export async function isStale(warehouse: Warehouse, output: DerivedOutput): Promise<boolean> {
  const table = await warehouse.scalar(
    "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'ops' AND table_name = 'stale_outputs'",
  );
  if (Number(table) === 0) return false;
  return Number(await warehouse.scalar("SELECT count(*) FROM ops.stale_outputs WHERE output = $1", [output])) > 0;
}

/** The output is up to date with every committed load: called by its rebuild once it is complete. */
export async function clearStale(warehouse: Warehouse, output: DerivedOutput): Promise<void> {
  await warehouse.run("DELETE FROM ops.stale_outputs WHERE output = $1", [output]);
}
