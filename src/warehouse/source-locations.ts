import { LIST, listValue, VARCHAR } from "@duckdb/node-api";
import { sqlFile } from "./sql-file.ts";
import type { Warehouse } from "./warehouse.ts";

/** A place a source reads, as ops.loads.location names it, with when its keeper last edited it. */
export interface SourceLocation {
  source: string;
  location: string;
  countryCode?: string | null;
  /** Drive's modifiedTime for a Google Sheet, the file's modification time otherwise; null if unknown. */
  editedAt: Date | null;
  /** For a Google Sheet: the tab's address (`…/edit#gid=GID`), which a cell's range completes. */
  url?: string | null;
}

/**
 * Records (or refreshes) source locations in one statement, a location at most once:
 * `last_edited` of ops.source_dates is read from them.
 */
export async function recordSourceLocations(warehouse: Warehouse, places: readonly SourceLocation[], seenAt: Date): Promise<void> {
  if (places.length === 0) return;
  const list = (value: (place: SourceLocation) => string | null) => listValue(places.map(value));
  await warehouse.run(
    sqlFile(import.meta.url, "source_locations.sql"),
    {
      sources: list((p) => p.source),
      locations: list((p) => p.location),
      country_codes: list((p) => p.countryCode ?? null),
      edited_at: list((p) => (p.editedAt ? p.editedAt.toISOString() : null)),
      urls: list((p) => p.url ?? null),
      seen_at: seenAt.toISOString(),
    },
    { sources: LIST(VARCHAR), locations: LIST(VARCHAR), country_codes: LIST(VARCHAR), edited_at: LIST(VARCHAR), urls: LIST(VARCHAR) },
  );
}

