import type { BatchContext, BatchCounts } from "../../warehouse/batch.ts";
import type { Keyer } from "../../privacy/keyed-hash.ts";
import type { Reason } from "./reasons.ts";
import { runSqlFile } from "./sql.ts";

/** How many actor identifiers are keyed per round trip: bounds memory whatever the batch size. */
const KEY_CHUNK = 50_000;

export interface CommitOptions {
  /** `xapi` or `moodle-log`: written to raw and core rows. */
  source: string;
  keyer: Keyer;
  /** Prefix of a reject's location, followed by the line: `data/x.ndjson:` */
  locationPrefix: string;
  /** When set, a rejected statement that has an id is located by this prefix and its id instead. */
  idLocationPrefix?: string;
  reasons: Record<string, Reason>;
}

/**
 * Moves the batch staged in the TEMP table xapi_stage into the warehouse, set-based: rejects,
 * keyed actors, raw statements, voids (in both directions) and live usage.
 */
export async function commitStage(batch: BatchContext, options: CommitOptions): Promise<BatchCounts> {
  const { warehouse, loadId } = batch;
  await loadReasons(batch, options.reasons);
  await keyActors(batch, options.keyer);
  const params = {
    load_id: loadId,
    source: options.source,
    location_prefix: options.locationPrefix,
    id_location_prefix: options.idLocationPrefix ?? null,
  };
  await runSqlFile(warehouse, "ops.rejects", params);
  const repeated = Number(
    await warehouse.scalar("SELECT count(*) - count(DISTINCT event_id) FROM xapi_stage WHERE reason IS NULL"),
  );
  const rowsLoaded = await runSqlFile(warehouse, "raw.xapi_statements", params, {
    dedupe: repeated > 0 ? "QUALIFY row_number() OVER (PARTITION BY s.event_id ORDER BY s.line) = 1" : "",
  });
  await runSqlFile(warehouse, "core.voided_events", params);
  await runSqlFile(warehouse, "core.usage_events", params);
  const rowsRead = Number(await warehouse.scalar("SELECT count(*) FROM xapi_stage"));
  // The stage holds identifiers in clear and can be large: gone as soon as the batch is written.
  for (const table of ["xapi_stage", "xapi_idents", "xapi_actor_keys", "xapi_reasons"]) {
    await warehouse.run(`DROP TABLE IF EXISTS temp.main.${table}`);
  }
  return { rowsRead, rowsLoaded };
}

async function loadReasons(batch: BatchContext, reasons: Record<string, Reason>): Promise<void> {
  const { warehouse } = batch;
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

/** HMAC only the distinct identifiers, a chunk at a time, and hand DuckDB the small map. */
async function keyActors(batch: BatchContext, keyer: Keyer): Promise<void> {
  const { warehouse } = batch;
  await runSqlFile(warehouse, "xapi_actor_keys");
  const total = Number(await warehouse.scalar("SELECT count(*) FROM xapi_idents"));
  for (let from = 1; from <= total; from += KEY_CHUNK) {
    const rows = await warehouse.conn.runAndReadAll("SELECT ident FROM xapi_idents WHERE n BETWEEN $1 AND $2", [
      from,
      from + KEY_CHUNK - 1,
    ]);
    const idents = rows.getColumnsJS()[0] as string[];
    const appender = await warehouse.conn.createAppender("xapi_actor_keys", "main", "temp");
    for (const ident of idents) {
      appender.appendVarchar(ident);
      appender.appendVarchar(keyer(ident));
      appender.endRow();
    }
    appender.closeSync();
  }
}
