import { sqlFile } from "../../warehouse/sql-file.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";

/** Defines the checks of sql/macros.sql on the connection (TEMP, so again for each load). */
export async function defineXapiMacros(warehouse: Warehouse): Promise<void> {
  await warehouse.run(sqlFile(import.meta.url, "sql/macros.sql"));
}
