import { sqlFile } from "../warehouse/sql-file.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";

export interface LoadLine {
  source: string;
  location: string;
  status: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  finished_at: string;
  message: string | null;
}

export interface Status {
  /** The country asked for (`--country`), or null for all. */
  country: string | null;
  lastLoads: LoadLine[];
  /** With a country: the latest batch of each of its tabs and files. */
  locations: LoadLine[];
  /** The three dates of each source and country (DESIGN.md, "Dates of a source"), UTC. */
  dates: Array<{ country_code: string; source: string; last_edited: string | null; last_loaded: string | null; latest_reported: string | null; days_old: number | null }>;
  lastFailure: { source: string; location: string; finished_at: string; message: string } | null;
  openRejects: Array<{ source: string; location: string; column: string | null; value: string | null; reason_fr: string; reason_en: string }>;
  /** Plausibility warnings of the sheets, neither corrected nor confirmed by their teams. */
  openWarnings: Array<{ country_code: string; warning_id: string; location: string; rule_id: string; message_fr: string; message_en: string }>;
}

export async function readStatus(warehouse: Warehouse, today: Date, country: string | null = null): Promise<Status> {
  const q = (name: string, params?: Record<string, string>) => warehouse.all<never>(sqlFile(import.meta.url, name), params);
  const scope = { country: country ?? "" };
  return {
    country,
    lastLoads: await q("last_loads.sql", scope),
    locations: country ? await q("locations.sql", scope) : [],
    dates: await q("source_dates.sql", { ...scope, today: today.toISOString().slice(0, 10) }),
    lastFailure: (await q("last_failure.sql", scope))[0] ?? null,
    openRejects: await q("open_rejects.sql", scope),
    openWarnings: await q("open_warnings.sql", scope),
  };
}
