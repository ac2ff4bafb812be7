import { BIGINT, type DuckDBValue, LIST, listValue, VARCHAR } from "@duckdb/node-api";
import { randomUUID } from "node:crypto";
import { cutNote, failureText, SHOWN_CHARS } from "../core/faults.ts";
import type { Reject } from "./reject.ts";
import { markStale } from "./stale.ts";
import type { Warehouse } from "./warehouse.ts";

export interface BatchMeta {
  source: string;
  location: string;
  countryCode?: string | null;
  /**
   * sha256 of what was read; a batch whose content was already loaded for this source is skipped.
   * A promise lets a large file be hashed while the batch works: it is awaited before the batch
   * commits, and a batch whose content proves to be loaded already is rolled back and skipped.
   */
  contentSha256?: string | Promise<string> | null;
}

export interface BatchCounts {
  rowsRead: number;
  rowsLoaded: number;
}

export interface BatchContext {
  readonly warehouse: Warehouse;
  readonly loadId: string;
  readonly meta: BatchMeta;
  reject(reject: Reject): void;
  /** Rejects buffered so far; `work` may also insert rejects in bulk with `loadId` itself. */
  readonly rejects: readonly Reject[];
}

export type LoadStatus = "loaded" | "loaded_with_rejects" | "skipped" | "failed";

/** A batch's row of ops.loads. */
export interface LoadRecord extends BatchCounts {
  loadId: string;
  meta: BatchMeta;
  sha256: string | null;
  startedAt: Date;
  status: LoadStatus;
  rowsRejected: number;
  message: string | null;
}

/** Takes the ops.loads rows of batches skipped as already loaded, to write them later together (FileNotes). */
export interface SkippedLoads {
  skipped(record: LoadRecord): void;
}

export interface LoadResult extends BatchCounts {
  loadId: string;
  source: string;
  location: string;
  status: LoadStatus;
  rowsRejected: number;
  message: string | null;
  error?: unknown;
  /** Only on dry runs, where ops.rejects is rolled back: what would have been rejected. */
  rejects?: Reject[];
}

/**
 * Writes one batch in one transaction and records it in ops.loads, its rejected rows in
 * ops.rejects. A batch that throws leaves every table as it was, apart from the ops.loads row
 * saying it failed and why.
 */
export async function loadBatch(
  warehouse: Warehouse,
  meta: BatchMeta,
  work: (ctx: BatchContext) => Promise<BatchCounts>,
  options: { dryRun?: boolean; skipped?: SkippedLoads } = {},
): Promise<LoadResult> {
  const loadId = newLoadId(meta.source);
  const startedAt = new Date();
  // A hash still being computed is awaited before commit; should it fail while the work runs, or
  // after the work failed, that must not count as an unhandled rejection.
  if (meta.contentSha256 instanceof Promise) meta.contentSha256.catch(() => {});

  if (options.dryRun) return dryRun(warehouse, loadId, meta, work);

  const known = typeof meta.contentSha256 === "string" ? meta.contentSha256 : null;
  if (known && (await alreadyLoaded(warehouse, meta.source, known))) return skip(warehouse, loadId, meta, known, startedAt, options.skipped);

  const rejects: Reject[] = [];
  const ctx: BatchContext = { warehouse, loadId, meta, rejects, reject: (r) => void rejects.push(r) };
  let sha256 = known;
  try {
    return await warehouse.transaction(async () => {
      const counts = await work(ctx);
      if (meta.contentSha256 instanceof Promise) {
        sha256 = await meta.contentSha256;
        if (await alreadyLoaded(warehouse, meta.source, sha256)) throw new ContentAlreadyLoaded();
      }
      await insertRejects(warehouse, loadId, meta.source, rejects);
      await clipRejectedValues(warehouse, loadId);
      const rowsRejected = Number(
        await warehouse.scalar("SELECT count(*) FROM ops.rejects WHERE load_id = $1", [loadId]),
      );
      const status: LoadStatus = rowsRejected > 0 ? "loaded_with_rejects" : "loaded";
      await recordLoads(warehouse, [{ loadId, meta, sha256, startedAt, status, ...counts, rowsRejected, message: null }]);
      // Committed with the rows: a crash before the mart is rebuilt leaves it marked stale.
      await markStale(warehouse, "mart", loadId);
      return { loadId, source: meta.source, location: meta.location, status, ...counts, rowsRejected, message: null };
    });
  } catch (error) {
    if (error instanceof ContentAlreadyLoaded) return skip(warehouse, loadId, meta, sha256, startedAt, options.skipped);
    const message = failureText(error, "en");
    await recordLoads(warehouse, [{ loadId, meta, sha256, startedAt, status: "failed", rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, message }]);
    return { loadId, source: meta.source, location: meta.location, status: "failed", rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, message, error };
  }
}

class ContentAlreadyLoaded extends Error {}

/**
 * The batch of a content the caller knows is already loaded (alreadyLoaded), recorded as skipped
 * without reading it again.
 */
export function skipBatch(warehouse: Warehouse, meta: BatchMeta & { contentSha256: string }, later?: SkippedLoads): Promise<LoadResult> {
  return skip(warehouse, newLoadId(meta.source), meta, meta.contentSha256, new Date(), later);
}

async function skip(
  warehouse: Warehouse, loadId: string, meta: BatchMeta, sha256: string | null, startedAt: Date, later: SkippedLoads | undefined,
): Promise<LoadResult> {
  const record: LoadRecord = { loadId, meta, sha256, startedAt, status: "skipped", rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, message: "content already loaded" };
  if (later) later.skipped(record);
  else await recordLoads(warehouse, [record]);
  return { loadId, source: meta.source, location: meta.location, status: "skipped", rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, message: record.message };
}

/** `check`: the batch runs as it would, then is rolled back, and nothing records that it ran. */
async function dryRun(
  warehouse: Warehouse,
  loadId: string,
  meta: BatchMeta,
  work: (ctx: BatchContext) => Promise<BatchCounts>,
): Promise<LoadResult> {
  const rejects: Reject[] = [];
  const ctx: BatchContext = { warehouse, loadId, meta, rejects, reject: (r) => void rejects.push(r) };
  await warehouse.run("BEGIN TRANSACTION");
  try {
    const counts = await work(ctx);
    await insertRejects(warehouse, loadId, meta.source, rejects);
    await clipRejectedValues(warehouse, loadId);
    const all = await warehouse.all<{ location: string; column: string | null; value: string | null; reason_fr: string; reason_en: string }>(
      'SELECT location, "column", value, reason_fr, reason_en FROM ops.rejects WHERE load_id = $1',
      [loadId],
    );
    const status: LoadStatus = all.length > 0 ? "loaded_with_rejects" : "loaded";
    return {
      loadId, source: meta.source, location: meta.location, status, ...counts, rowsRejected: all.length, message: null,
      rejects: all.map((r) => ({ location: r.location, column: r.column, value: r.value, reason: { fr: r.reason_fr, en: r.reason_en } })),
    };
  } catch (error) {
    const message = failureText(error, "en");
    return { loadId, source: meta.source, location: meta.location, status: "failed", rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, message, error };
  } finally {
    await warehouse.run("ROLLBACK");
  }
}

export function newLoadId(source: string): string {
  const stamp = new Date().toISOString().replace(/[-:.TZ]/g, "").slice(0, 14);
  return `${source}-${stamp}-${randomUUID().slice(0, 8)}`;
}

export async function alreadyLoaded(warehouse: Warehouse, source: string, sha: string): Promise<boolean> {
  const n = await warehouse.scalar(
    "SELECT count(*) FROM ops.loads WHERE source = $1 AND content_sha256 = $2 AND status IN ('loaded', 'loaded_with_rejects')",
    [source, sha],
  );
  return Number(n) > 0;
}

/** Rows of ops.loads, in one statement. */
export async function recordLoads(warehouse: Warehouse, records: readonly LoadRecord[]): Promise<void> {
  if (records.length === 0) return;
  const list = <T extends DuckDBValue>(value: (record: LoadRecord) => T) => listValue(records.map(value));
  await warehouse.run(
    `INSERT INTO ops.loads
     SELECT unnest($ids), unnest($sources), unnest($locations), unnest($countries), unnest($hashes),
       CAST(unnest($started) AS TIMESTAMPTZ), now(), unnest($statuses), unnest($read), unnest($loaded), unnest($rejected), unnest($messages)`,
    {
      ids: list((r) => r.loadId),
      sources: list((r) => r.meta.source),
      locations: list((r) => r.meta.location),
      countries: list((r) => r.meta.countryCode ?? null),
      hashes: list((r) => r.sha256),
      started: list((r) => r.startedAt.toISOString()),
      statuses: list((r) => r.status),
      read: list((r) => r.rowsRead),
      loaded: list((r) => r.rowsLoaded),
      rejected: list((r) => r.rowsRejected),
      messages: list((r) => r.message),
    },
    {
      ids: LIST(VARCHAR), sources: LIST(VARCHAR), locations: LIST(VARCHAR), countries: LIST(VARCHAR), hashes: LIST(VARCHAR),
      started: LIST(VARCHAR), statuses: LIST(VARCHAR), read: LIST(BIGINT), loaded: LIST(BIGINT), rejected: LIST(BIGINT), messages: LIST(VARCHAR),
    },
  );
}

/**
 * A rejected value longer than SHOWN_CHARS (a megabyte cell, a whole line) is kept cut, its reason
 * saying how long it was: ops.rejects and the screen stay readable.
 */
async function clipRejectedValues(warehouse: Warehouse, loadId: string): Promise<void> {
  const long = await warehouse.all<{ id: bigint; length: bigint }>(
    "SELECT rowid AS id, length(value) AS length FROM ops.rejects WHERE load_id = $1 AND length(value) > $2",
    [loadId, SHOWN_CHARS],
  );
  for (const { id, length } of long) {
    const note = cutNote(Number(length));
    await warehouse.run(
      // A reason quoting the value quotes it cut too (the right-hand sides read the row as it was).
      `UPDATE ops.rejects SET value = left(value, $2) || '…',
         reason_fr = replace(reason_fr, value, left(value, $2) || '…') || $3,
         reason_en = replace(reason_en, value, left(value, $2) || '…') || $4
       WHERE rowid = $1`,
      [id, SHOWN_CHARS, note.fr, note.en],
    );
  }
}

async function insertRejects(warehouse: Warehouse, loadId: string, source: string, rejects: Reject[]): Promise<void> {
  await warehouse.appendRows("rejects", "ops", rejects.map((r) => [loadId, source, r.location, r.column, r.value, r.reason.fr, r.reason.en]));
}
