import { sqlFile } from "../warehouse/sql-file.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";

export type FlagChange = "new" | "ongoing" | "resolved";

/** A flag as a month's note or digest tells it. */
export interface MonthFlag {
  flag_id: string;
  country_code: string;
  rule_id: string;
  subject: string | null;
  change: FlagChange;
  severity: string;
  /** ISO date the condition holds since. */
  since: string;
  first_month: string;
  last_month: string;
  evidence: string;
  message_fr: string;
  message_en: string;
}

/** The flags found in `month` (YYYY-MM) or resolved that month, from the history of flags. */
export function monthFlags(warehouse: Warehouse, month: string): Promise<MonthFlag[]> {
  return warehouse.all<MonthFlag>(sqlFile(import.meta.url, "sql/flag_changes.sql"), { month: `${month}-01` });
}
