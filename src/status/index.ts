import { sqlFile } from "../warehouse/sql-file.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";

export interface Status {
  lastLoads: Array<{ source: string; location: string; status: string; rows_read: number; rows_loaded: number; rows_rejected: number; finished_at: string; message: string | null }>;
  freshness: Array<{ country_code: string; source: string; latest_day: string; days_old: number; last_loaded: string | null }>;
  lastFailure: { source: string; location: string; finished_at: string; message: string } | null;
  openRejects: Array<{ source: string; location: string; column: string | null; value: string | null; reason_fr: string; reason_en: string }>;
  /** Plausibility warnings of the sheets, neither corrected nor confirmed by their teams. */
  openWarnings: Array<{ country_code: string; warning_id: string; location: string; rule_id: string; message_fr: string; message_en: string }>;
}

export async function readStatus(warehouse: Warehouse, today: Date): Promise<Status> {
  const q = (name: string, params?: Record<string, string>) => warehouse.all<never>(sqlFile(import.meta.url, name), params);
  return {
    lastLoads: await q("last_loads.sql"),
    freshness: await q("freshness.sql", { today: today.toISOString().slice(0, 10) }),
    lastFailure: (await q("last_failure.sql"))[0] ?? null,
    openRejects: await q("open_rejects.sql"),
    openWarnings: await q("open_warnings.sql"),
  };
}
