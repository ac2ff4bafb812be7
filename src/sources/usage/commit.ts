import type { BatchContext, BatchCounts } from "../../warehouse/batch.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import type { Keyer } from "../../privacy/keyed-hash.ts";
import { sqlFile } from "../../warehouse/sql-file.ts";
import type { Reason } from "./reasons.ts";
import type { Query } from "./sql.ts";
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
  const sql = statements.sql.wrap((relation) => `SELECT ident, count(*) AS n, count(*) FILTER (WHERE reason IS NULL) AS valid FROM ${relation} s GROUP BY ident`);
  const summary: CheckedSummary = { rowsRead: 0, rowsRejected: 0, idents: [] };
  for (const { ident, n, valid } of await warehouse.all<{ ident: string | null; n: number; valid: number }>(sql, statements.params)) {
    summary.rowsRead += n;
    summary.rowsRejected += n - valid;
    if (ident !== null && valid > 0) summary.idents.push(ident);
  }
  return summary;
}

/** Counts statements and collects their actors without checking them, from a relation (`ident`, `n`) such as ndjsonActors. */
export async function countActors(warehouse: Warehouse, actors: Query): Promise<Summary> {
  const summary: Summary = { rowsRead: 0, rowsRejected: null, idents: [] };
  for (const { ident, n } of await warehouse.all<{ ident: string | null; n: number }>(actors.sql, actors.params)) {
    summary.rowsRead += n;
    if (ident !== null) summary.idents.push(ident);
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
    await warehouse.run(xapiSql("ops.rejects").fill(slots), params);
  }
  const before = Number(await warehouse.scalar("SELECT count(*) FROM raw.xapi_statements"));
  const inserted = await joiningAsWritten(warehouse, () => warehouse.run(xapiSql("raw.xapi_statements").fill(slots), params));
  if (summary.rowsRejected === null && inserted < summary.rowsRead) {
    await warehouse.run("DELETE FROM raw.xapi_statements WHERE load_id = $1", [loadId]);
    return null;
  }
  const seen = before > 0 ? await warehouse.run(xapiSql("raw.xapi_statements.seen"), params) : 0;
  // Grouping by the ids' hashes is cheaper than by the ids, or than count(DISTINCT), and misses
  // no repeat; a collision only costs the exact pass, which then removes nothing.
  const repeated = Number(
    await warehouse.scalar(
      "SELECT count(*) FROM (SELECT 1 FROM raw.xapi_statements WHERE load_id = $1 GROUP BY hash(event_id) HAVING count(*) > 1)",
      [loadId],
    ),
  );
  const removed = seen + (repeated > 0 ? await warehouse.run(xapiSql("raw.xapi_statements.repeated"), params) : 0);
  await warehouse.run(xapiSql("core.voided_events"), params);
  // Identifiers in clear: gone as soon as the batch is written.
  for (const table of ["xapi_stage", "xapi_actor_keys", "xapi_reasons"]) {
    await warehouse.run(`DROP TABLE IF EXISTS temp.main.${table}`);
  }
  return { rowsRead: summary.rowsRead, rowsLoaded: inserted - removed };
}

/** sql/<name>.sql */
function xapiSql(name: string) {
  return sqlFile(import.meta.url, `sql/${name}.sql`);
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

/** HMAC of each distinct identifier in JS, handed to DuckDB as a small TEMP map. */
async function keyActors(warehouse: Warehouse, idents: string[], keyer: Keyer): Promise<void> {
  await warehouse.run("CREATE OR REPLACE TEMP TABLE xapi_actor_keys (ident VARCHAR, actor_key VARCHAR)");
  const appender = await warehouse.appender("xapi_actor_keys", "main", "temp");
  for (const ident of idents) {
    appender.appendVarchar(ident);
    appender.appendVarchar(keyer(ident));
    appender.endRow();
  }
  appender.closeSync();
}
