import type { BatchContext, BatchCounts } from "../../warehouse/batch.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import type { Keyer } from "../../privacy/keyed-hash.ts";
import { sqlFile, type SqlParams } from "../../warehouse/sql-file.ts";
import { markStale } from "../../warehouse/stale.ts";
import { canonicalIdent } from "./identity.ts";
import { defineXapiMacros } from "./macros.ts";
import type { Reason } from "./reasons.ts";
import type { Query } from "./sql.ts";
import type { FileShape, Statements } from "./statements.ts";

export interface CommitOptions {
  /** `xapi` or `moodle-log`: written to raw rows. */
  source: string;
  keyer: Keyer;
  /** Prefix of a reject's location, followed by the line: `data/x.ndjson:` */
  locationPrefix: string;
  /** When set, a rejected statement that has an id is located by this prefix and its id instead. */
  idLocationPrefix?: string;
  reasons: Record<string, Reason>;
}

/** What one pass over the statements found. */
export interface Summary {
  rowsRead: number;
  /** Null when the pass did not check every statement fully (countActors). */
  rowsRejected: number | null;
  /** Distinct identifiers of actors and of Agent or Group objects, in clear: keyed before anything is written. */
  idents: string[];
  /** Whether some statement's object is an Agent or a Group (whose id is then its key). */
  agentObjects: boolean;
  /**
   * The hash of each actor's properties with its identifier, when statements carry that hash
   * rather than the identifier (a clean file's second pass): the insert then joins on it.
   */
  actorHashes?: [bigint, string][];
}

/** What the first pass over a file found: the statements it refuses or leaves to the stage, if any, and what the file holds. */
export interface FirstPassSummary extends Summary {
  rowsRejected: null;
  /** Statements refused for a property the first pass checks, or that only the stage checks (actors.sql); the file is then staged. */
  defects: number;
  shape: FileShape;
}

export interface CheckedSummary extends Summary {
  rowsRejected: number;
}

/** Counts the statements, the rejected ones, and collects the actors of the valid ones, in one grouping pass. */
export async function summarise(warehouse: Warehouse, statements: Statements): Promise<CheckedSummary> {
  const sql = statements.sql.wrap(
    (relation) => `SELECT ident, object_ident, count(*) AS n, count(*) FILTER (WHERE reason IS NULL) AS valid FROM ${relation} s GROUP BY ALL`,
  );
  const summary: CheckedSummary = { rowsRead: 0, rowsRejected: 0, idents: [], agentObjects: false };
  const idents = new Set<string>();
  type Row = { ident: string | null; object_ident: string | null; n: number; valid: number };
  for (const { ident, object_ident, n, valid } of await warehouse.all<Row>(sql, statements.params)) {
    summary.rowsRead += n;
    summary.rowsRejected += n - valid;
    if (valid > 0) for (const id of [ident, object_ident]) if (id !== null) idents.add(id);
    if (valid > 0 && object_ident !== null) summary.agentObjects = true;
  }
  summary.idents = [...idents];
  return summary;
}

/**
 * Counts statements and collects their actors, from a first pass (`ident`, `is_void`, `defect`,
 * `n`) such as ndjsonActors, which checks part of each statement.
 */
export async function countActors(warehouse: Warehouse, actors: Query): Promise<FirstPassSummary> {
  const shape: FileShape = { voids: false };
  const summary: FirstPassSummary = { rowsRead: 0, rowsRejected: null, defects: 0, idents: [], agentObjects: false, shape };
  const idents = new Set<string>();
  const hashes = new Map<bigint, string>();
  type Row = { ident: string | null; actor_hash: string; is_void: boolean | null; defect: string | null; n: number };
  for (const { ident, actor_hash, is_void, defect, n } of await warehouse.all<Row>(actors.sql, actors.params)) {
    const hash = BigInt(actor_hash);
    summary.rowsRead += n;
    if (defect !== null || ident === null) summary.defects += n;
    else if (hashes.has(hash) && hashes.get(hash) !== ident) {
      // Two actors with one hash (never seen, but possible): the stage joins on the identifiers.
      summary.defects += n;
    } else {
      idents.add(ident);
      hashes.set(hash, ident);
    }
    if (is_void) shape.voids = true;
  }
  summary.idents = [...idents];
  summary.actorHashes = [...hashes];
  return summary;
}

/**
 * Writes a batch of statements, set-based: rejects (when there are any), keyed actors, raw
 * statements new to the warehouse, each once, and the voids they carry. core.usage_events is a
 * view over raw, so a void removes its target there whichever arrives first.
 */
export async function commitStatements(
  batch: BatchContext,
  statements: Statements,
  summary: CheckedSummary,
  options: CommitOptions,
): Promise<BatchCounts> {
  return (await write(batch, statements, summary, options))!;
}

/**
 * commitStatements for statements counted but not checked: writes as if none were rejected, and
 * returns null, having written nothing, if fewer were valid than read. The caller then stages the
 * file to say which.
 */
export function commitIfClean(
  batch: BatchContext,
  statements: Statements,
  summary: Summary,
  options: CommitOptions,
): Promise<BatchCounts | null> {
  return write(batch, statements, summary, options);
}

async function write(
  batch: BatchContext,
  statements: Statements,
  summary: Summary,
  options: CommitOptions,
): Promise<BatchCounts | null> {
  const { warehouse, loadId } = batch;
  const params = {
    ...statements.params,
    load_id: loadId,
    source: options.source,
    location_prefix: options.locationPrefix,
    id_location_prefix: options.idLocationPrefix ?? null,
  };
  const checked = summary.rowsRejected !== null;
  await defineXapiMacros(warehouse);
  await keyActors(warehouse, summary, options.keyer);
  await loadReasons(warehouse, options.reasons);
  if (checked && summary.rowsRejected! > 0) await warehouse.run(usageSql("ops.rejects").fill({ statements: statements.sql }), params);
  const before = Number(await warehouse.scalar("SELECT count(*) FROM raw.xapi_statements"));
  const slots = {
    statements: statements.sql,
    actor_join: summary.actorHashes ? "k.actor_hash = s.actor_hash" : "k.ident = s.ident",
    // The join that keys Agent and Group objects, only when the batch has some: it costs on every statement.
    object_keys: summary.agentObjects ? "LEFT JOIN xapi_actor_keys o ON o.ident = s.object_ident" : "",
    object_id: summary.agentObjects ? "coalesce(s.object_id, 'agent:' || o.actor_key)" : "s.object_id",
  };
  const inserted = await joiningAsWritten(warehouse, () => warehouse.run(usageSql("raw.xapi_statements").fill(slots), params));
  // A file read straight from disk was checked in part by each pass: a statement either left out,
  // a value found wrong once loaded (raw.xapi_statements.checks.sql), or an id loaded with other
  // content sends it to the stage, which says which and why.
  const giveUp = async () => {
    await warehouse.run("DELETE FROM raw.xapi_statements WHERE load_id = $1", [loadId]);
    return null;
  };
  if (!checked && (inserted < summary.rowsRead || (await count(warehouse, "raw.xapi_statements.checks", params)) > 0)) return giveUp();

  const overlap = before > 0 ? await one<{ seen: number; conflicts: number }>(warehouse, "raw.xapi_statements.overlap", params) : { seen: 0, conflicts: 0 };
  // Grouping by the ids' hashes is cheaper than by the ids, or than count(DISTINCT), and misses
  // no repeat; a collision only costs the exact pass, which then removes nothing.
  const repeated = Number(
    await warehouse.scalar(
      "SELECT count(*) FROM (SELECT 1 FROM raw.xapi_statements WHERE load_id = $1 GROUP BY hash(event_id) HAVING count(*) > 1)",
      [loadId],
    ),
  );
  const conflicts = overlap.conflicts + (repeated > 0 ? await count(warehouse, "raw.xapi_statements.conflicts", params) : 0);
  if (conflicts > 0) {
    if (!checked) return giveUp();
    await warehouse.run(usageSql("ops.rejects.conflicts").fill(slots), params);
  }
  const seen = overlap.seen > 0 ? await warehouse.run(usageSql("raw.xapi_statements.seen"), params) : 0;
  const removed = seen + (repeated > 0 ? await warehouse.run(usageSql("raw.xapi_statements.repeated"), params) : 0);
  await warehouse.run(usageSql("core.voided_events"), params);
  // Usage events changed: the Parquet lake is rewritten by the next run, even if this one dies first.
  await markStale(warehouse, "lake", loadId);
  // Identifiers in clear: gone as soon as the batch is written.
  for (const table of ["xapi_stage", "xapi_actor_keys", "xapi_reasons"]) {
    await warehouse.run(`DROP TABLE IF EXISTS temp.main.${table}`);
  }
  return { rowsRead: summary.rowsRead, rowsLoaded: inserted - removed };
}

/** sql/<name>.sql */
function usageSql(name: string) {
  return sqlFile(import.meta.url, `sql/${name}.sql`);
}

/** The first row of the query in `sql/<name>.sql`. */
async function one<T>(warehouse: Warehouse, name: string, params: SqlParams): Promise<T> {
  return (await warehouse.one<T>(usageSql(name), params))!;
}

async function count(warehouse: Warehouse, name: string, params: SqlParams): Promise<number> {
  return Number((await one<{ n: number }>(warehouse, name, params)).n);
}

/**
 * Runs work with each join's hash table built on the side written on the right. DuckDB cannot
 * tell how many statements a file holds (it guesses a few dozen), so it would otherwise build the
 * table on a million statements, single-threaded, rather than on the few thousand actor keys.
 */
async function joiningAsWritten<T>(warehouse: Warehouse, work: () => Promise<T>): Promise<T> {
  await warehouse.run("SET disabled_optimizers = 'build_side_probe_side'");
  try {
    return await work();
  } finally {
    await warehouse.run("RESET disabled_optimizers");
  }
}

async function loadReasons(warehouse: Warehouse, reasons: Record<string, Reason>): Promise<void> {
  await warehouse.run(
    'CREATE OR REPLACE TEMP TABLE xapi_reasons (code VARCHAR, "column" VARCHAR, reason_fr VARCHAR, reason_en VARCHAR)',
  );
  const appender = await warehouse.appender("xapi_reasons", "main", "temp");
  for (const [code, reason] of Object.entries(reasons)) {
    appender.appendVarchar(code);
    reason.column === null ? appender.appendNull() : appender.appendVarchar(reason.column);
    appender.appendVarchar(reason.fr);
    appender.appendVarchar(reason.en);
    appender.endRow();
  }
  appender.closeSync();
}

/**
 * HMAC of each distinct identifier in JS, handed to DuckDB as a small TEMP map, with the hash of
 * the actor's properties when the statements carry that instead (one row per hash then).
 */
async function keyActors(warehouse: Warehouse, summary: Summary, keyer: Keyer): Promise<void> {
  await warehouse.run("CREATE OR REPLACE TEMP TABLE xapi_actor_keys (ident VARCHAR, actor_key VARCHAR, actor_hash UBIGINT)");
  const appender = await warehouse.appender("xapi_actor_keys", "main", "temp");
  const keys = new Map<string, string>();
  const key = (ident: string) => keys.get(ident) ?? keys.set(ident, keyer(canonicalIdent(ident))).get(ident)!;
  const rows: [string, bigint | null][] = summary.actorHashes
    ? summary.actorHashes.map(([hash, ident]) => [ident, hash])
    : summary.idents.map((ident) => [ident, null]);
  for (const [ident, hash] of rows) {
    appender.appendVarchar(ident);
    appender.appendVarchar(key(ident));
    hash === null ? appender.appendNull() : appender.appendUBigInt(hash);
    appender.endRow();
  }
  appender.closeSync();
}
