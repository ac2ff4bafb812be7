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

/** Records (or refreshes) a source location: `last_edited` of ops.source_dates is read from it. */
export async function recordSourceLocation(warehouse: Warehouse, place: SourceLocation, seenAt: Date): Promise<void> {
  await warehouse.run(sqlFile(import.meta.url, "source_locations.sql"), {
    source: place.source,
    location: place.location,
    country_code: place.countryCode ?? null,
    edited_at: place.editedAt ? place.editedAt.toISOString() : null,
    url: place.url ?? null,
    seen_at: seenAt.toISOString(),
  });
}

