import type { Sql, SqlParams } from "../../warehouse/sql-file.ts";

/** A query or relation, and the parameters it may bind (the warehouse binds those it mentions). */
export interface Query {
  sql: Sql;
  params: SqlParams;
}
