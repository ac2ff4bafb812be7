import { Sql } from "../../warehouse/sql-file.ts";
import type { Query } from "./sql.ts";

/**
 * A relation of statements as every usage reader hands them to commitStatements: the columns of
 * xapi/sql/statements.sql (statement fields and reject reason), and what it binds.
 */
export type Statements = Query;

/** The TEMP table xapi_stage, filled by the xAPI file reader or by the Moodle reader. */
export const STAGED: Statements = { sql: Sql.text("xapi_stage", "the TEMP table xapi_stage"), params: {} };
