import { Sql } from "../../warehouse/sql-file.ts";
import type { Query } from "./sql.ts";

/**
 * A relation of statements as every usage reader hands them to commitStatements: the columns of
 * xapi/sql/statements.sql (line, event_id, ident, object_ident, verb, object_id, voided_target,
 * occurred_at, stored_at, country, reason, reject_value), and what it binds.
 */
export type Statements = Query;

/** The TEMP table xapi_stage, filled by the xAPI file reader or by the Moodle reader. */
export const STAGED: Statements = { sql: Sql.text("xapi_stage", "the TEMP table xapi_stage"), params: {} };

/** What the first pass saw in a clean file that the second must handle (it costs on every statement). */
export interface FileShape {
  /** A voiding statement. */
  voids: boolean;
}
