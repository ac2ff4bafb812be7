import { timestampTZValue, type DuckDBAppender } from "@duckdb/node-api";
import type { StageRow } from "./rows.ts";

/** One row into the TEMP xapi_stage, in the column order of sql/xapi_stage.sql. */
export function appendStageRow(appender: DuckDBAppender, row: StageRow, country: string): void {
  const text = (v: string | null) => (v === null ? appender.appendNull() : appender.appendVarchar(v));
  appender.appendBigInt(BigInt(row.line));
  text(row.eventId);
  text(row.ident);
  appender.appendNull();
  text(row.verb);
  text(row.objectId);
  appender.appendNull();
  if (row.occurredAt === null) appender.appendNull();
  else appender.appendTimestampTZ(timestampTZValue(BigInt(row.occurredAt.getTime()) * 1000n));
  appender.appendNull();
  appender.appendVarchar(country);
  text(row.reason);
  text(row.rejectValue);
  appender.endRow();
}
