import type { BatchContext, BatchCounts } from "../../warehouse/batch.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import type { Keyer } from "../../privacy/keyed-hash.ts";
import type { Reason } from "./reasons.ts";
import { runSqlFile } from "./sql.ts";
import { usedParams, type Statements } from "./statements.ts";

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
  rowsRejected: number;
  /** Distinct actor identifiers of the valid statements, in clear: keyed before anything is written. */
  idents: string[];
}

/** Counts the statements and collects the actor identifiers of the valid ones, in one grouping pass. */
export async function summarise(warehouse: Warehouse, statements: Statements): Promise<Summary> {
  const sql = `SELECT ident, count(*) AS n, count(*) FILTER (WHERE reason IS NULL) AS valid FROM ${statements.sql} s GROUP BY ident`;
  const rows = await warehouse.all<{ ident: string | null; n: number; valid: number }>(sql, usedParams(statements, sql));
  const summary: Summary = { rowsRead: 0, rowsRejected: 0, idents: [] };
  for (const { ident, n, valid } of rows) {
    summary.rowsRead += n;
    summary.rowsRejected += n - valid;
    if (ident !== null && valid > 0) summary.idents.push(ident);
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
  summary: Summary,
  options: CommitOptions,
): Promise<BatchCounts> {
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
  if (summary.rowsRejected > 0) {
    await loadReasons(warehouse, options.reasons);
    await runSqlFile(warehouse, "ops.rejects", params, slots);
  }
  const inserted = await runSqlFile(warehouse, "raw.xapi_statements", params, slots);
  // Checking for an id given twice in the batch costs less than keeping the batch's ids apart while inserting.
  const repeated = Number(
    await warehouse.scalar("SELECT count(*) - count(DISTINCT event_id) FROM raw.xapi_statements WHERE load_id = $1", [loadId]),
  );
  const removed = repeated > 0 ? await runSqlFile(warehouse, "raw.xapi_statements.repeated", params) : 0;
  await runSqlFile(warehouse, "core.voided_events", params);
  // Identifiers in clear: gone as soon as the batch is written.
  for (const table of ["xapi_stage", "xapi_actor_keys", "xapi_reasons"]) {
    await warehouse.run(`DROP TABLE IF EXISTS temp.main.${table}`);
  }
  return { rowsRead: summary.rowsRead, rowsLoaded: inserted - removed };
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
