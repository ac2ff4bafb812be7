import type { BatchContext, BatchCounts } from "../../warehouse/batch.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import type { Keyer } from "../../privacy/keyed-hash.ts";
import type { Reason } from "./reasons.ts";
import { runSqlFile, usedParams } from "./sql.ts";
import type { Statements } from "./statements.ts";

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
  /** Null when the pass did not check the statements (countActors). */
  rowsRejected: number | null;
  /** Distinct actor identifiers, in clear: keyed before anything is written. */
  idents: string[];
}

export interface CheckedSummary extends Summary {
  rowsRejected: number;
}

/** Counts the statements, the rejected ones, and collects the actors of the valid ones, in one grouping pass. */
export async function summarise(warehouse: Warehouse, statements: Statements): Promise<CheckedSummary> {
  const summary = await group(warehouse, statements, "count(*) FILTER (WHERE reason IS NULL)");
  return { ...summary, rowsRejected: summary.rowsRejected ?? 0 };
}

/** Counts the statements and collects their actors without checking them: reads little more than the actors, about twice as fast. */
export function countActors(warehouse: Warehouse, statements: Statements): Promise<Summary> {
  return group(warehouse, statements, "NULL");
}

async function group(warehouse: Warehouse, statements: Statements, valid: string): Promise<Summary> {
  const sql = `SELECT ident, count(*) AS n, ${valid} AS valid FROM ${statements.sql} s GROUP BY ident`;
  const rows = await warehouse.all<{ ident: string | null; n: number; valid: number | null }>(sql, usedParams(statements.params, sql));
  const summary: Summary = { rowsRead: 0, rowsRejected: valid === "NULL" ? null : 0, idents: [] };
  for (const { ident, n, valid } of rows) {
    summary.rowsRead += n;
    if (summary.rowsRejected !== null) summary.rowsRejected += n - (valid ?? 0);
    if (ident !== null && (valid === null || valid > 0)) summary.idents.push(ident);
  }
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
  const slots = { statements: statements.sql };
  await keyActors(warehouse, summary.idents, options.keyer);
  if (summary.rowsRejected !== null && summary.rowsRejected > 0) {
    await loadReasons(warehouse, options.reasons);
    await runSqlFile(warehouse, "ops.rejects", params, slots);
  }
  const before = Number(await warehouse.scalar("SELECT count(*) FROM raw.xapi_statements"));
  const inserted = await joiningAsWritten(warehouse, () => runSqlFile(warehouse, "raw.xapi_statements", params, slots));
  if (summary.rowsRejected === null && inserted < summary.rowsRead) {
    await warehouse.run("DELETE FROM raw.xapi_statements WHERE load_id = $1", [loadId]);
    return null;
  }
  const seen = before > 0 ? await runSqlFile(warehouse, "raw.xapi_statements.seen", params) : 0;
  // Counting distinct hashes is cheaper than distinct ids and misses no repeat; a collision only
  // costs the exact pass, which then removes nothing.
  const repeated = Number(
    await warehouse.scalar("SELECT count(*) - count(DISTINCT hash(event_id)) FROM raw.xapi_statements WHERE load_id = $1", [loadId]),
  );
  const removed = seen + (repeated > 0 ? await runSqlFile(warehouse, "raw.xapi_statements.repeated", params) : 0);
  await runSqlFile(warehouse, "core.voided_events", params);
  // Identifiers in clear: gone as soon as the batch is written.
  for (const table of ["xapi_stage", "xapi_actor_keys", "xapi_reasons"]) {
    await warehouse.run(`DROP TABLE IF EXISTS temp.main.${table}`);
  }
  return { rowsRead: summary.rowsRead, rowsLoaded: inserted - removed };
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
  const appender = await warehouse.conn.createAppender("xapi_reasons", "main", "temp");
  for (const [code, reason] of Object.entries(reasons)) {
    appender.appendVarchar(code);
    reason.column === null ? appender.appendNull() : appender.appendVarchar(reason.column);
    appender.appendVarchar(reason.fr);
    appender.appendVarchar(reason.en);
    appender.endRow();
  }
  appender.closeSync();
}

/** HMAC of each distinct identifier in JS, handed to DuckDB as a small TEMP map. */
async function keyActors(warehouse: Warehouse, idents: string[], keyer: Keyer): Promise<void> {
  await warehouse.run("CREATE OR REPLACE TEMP TABLE xapi_actor_keys (ident VARCHAR, actor_key VARCHAR)");
  const appender = await warehouse.conn.createAppender("xapi_actor_keys", "main", "temp");
  for (const ident of idents) {
    appender.appendVarchar(ident);
    appender.appendVarchar(keyer(ident));
    appender.endRow();
  }
  appender.closeSync();
}
