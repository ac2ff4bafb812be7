// What a file source notes of each file besides its rows: its content hash (ops.file_hashes), its
// place with its last edit (ops.source_locations) and, for a file skipped as already loaded, its
// ops.loads row. Noted as the files are read and written in one statement each once they are done:
// written one by one, each was a commit of its own that waited behind the commits of the lanes
// loading beside it (a tenth of the demo run, a sixth of a run with nothing new). A run stopped
// before they are written loses only these notes: the next one hashes the files again, and notes
// their places and skips again as it skips them.
import { type LoadRecord, recordLoads, type SkippedLoads } from "./batch.ts";
import { type FileIdentity, rememberHashes } from "./content-hash.ts";
import { recordSourceLocations, type SourceLocation } from "./source-locations.ts";
import type { Warehouse } from "./warehouse.ts";

export class FileNotes implements SkippedLoads {
  private readonly hashes = new Map<string, { file: FileIdentity; sha256: string }>();
  private readonly places = new Map<string, SourceLocation>();
  private readonly skips: LoadRecord[] = [];

  hash(file: FileIdentity, sha256: string): void {
    this.hashes.set(file.path, { file, sha256 });
  }

  place(place: SourceLocation): void {
    this.places.set(JSON.stringify([place.source, place.location]), place);
  }

  skipped(record: LoadRecord): void {
    this.skips.push(record);
  }

  async write(warehouse: Warehouse, seenAt: Date): Promise<void> {
    await rememberHashes(warehouse, [...this.hashes.values()]);
    await recordSourceLocations(warehouse, [...this.places.values()], seenAt);
    await recordLoads(warehouse, this.skips);
  }
}

/**
 * Runs `work` with notes written at its end, also when it fails: what it committed before failing
 * gets its notes, and its own error is the one reported.
 */
export async function withFileNotes<T>(warehouse: Warehouse, seenAt: Date, work: (notes: FileNotes) => Promise<T>): Promise<T> {
  const notes = new FileNotes();
  let result: T;
  try {
    result = await work(notes);
  } catch (error) {
    await notes.write(warehouse, seenAt).catch(() => undefined);
    throw error;
  }
  await notes.write(warehouse, seenAt);
  return result;
}
