import { listValue, structValue, type DuckDBValue } from "@duckdb/node-api";
import { quoteLiteral } from "../../warehouse/sql-text.ts";

/**
 * The statement properties read, as key paths from the statement's root (`["actor", "account",
 * "name"]`). Keys never contain a double quote (country-rules.ts refuses one).
 */
export type FieldPath = readonly string[];

/**
 * A property read from each statement: as a string (a number or an object comes as its JSON
 * text), or with `json` as its JSON text, so that a string can be told from a number or an object.
 * The fields relation names its column `fieldColumn(field)`.
 */
export interface Field {
  path: FieldPath;
  json?: boolean;
}

/** `$.actor.account.name`, `$.context.extensions."https://…"`: a JSON path for json_extract_string. Pure. */
export function jsonPath(path: FieldPath): string {
  return "$" + path.map((key) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `."${key}"`)).join("");
}

/** The column holding a field, quoted: `"actor.mbox"`, `"json:actor.name"`, `"context.extensions.https://…"`. Pure. */
export function fieldColumn(field: Field): string {
  return `"${field.json ? "json:" : ""}${field.path.join(".")}"`;
}

export interface FieldsQuery {
  sql: string;
  params: Record<string, DuckDBValue>;
}

/**
 * Fields from JSON text, one statement per row of `lines` (columns `line`, `j`): tolerant of
 * anything, since a line that is not JSON becomes `parsed = false` rather than an error. A JSON
 * `null` reads as absent, as it does from the NDJSON reader. Binds `$paths` and `$json_paths`.
 */
export function fieldsFromText(lines: string, fields: readonly Field[]): FieldsQuery {
  const text = fields.filter((f) => !f.json);
  const json = fields.filter((f) => f.json);
  const columns = fields.map((f) =>
    f.json ? `NULLIF(r[${json.indexOf(f) + 1}]::VARCHAR, 'null') AS ${fieldColumn(f)}` : `t[${text.indexOf(f) + 1}] AS ${fieldColumn(f)}`,
  );
  const raw = json.length > 0 ? "TRY(json_extract(j, $json_paths::VARCHAR[]))" : "NULL::JSON[]";
  return {
    sql: `SELECT line, t IS NOT NULL AS parsed, ${columns.join(", ")}
      FROM (SELECT line, TRY(json_extract_string(j, $paths::VARCHAR[])) AS t, ${raw} AS r FROM (${lines}) WHERE j IS NOT NULL)`,
    params: { paths: listValue(text.map((f) => jsonPath(f.path))), ...(json.length > 0 ? { json_paths: listValue(json.map((f) => jsonPath(f.path))) } : {}) },
  };
}

/**
 * Fields of an NDJSON file read by DuckDB's JSON reader into exactly the properties wanted, in
 * parallel (about twice as fast as extracting from text). A line that does not fit comes out as
 * NULLs, so it shows as a statement missing its id. It has no line numbers: callers use it only
 * when no statement is rejected. Fields in `skip` are not read (their column is NULL), so a pass
 * pays only for what it looks at. Binds `$file` and `$columns`.
 */
export function fieldsFromNdjson(fields: readonly Field[], skip: ReadonlySet<Field> = new Set()): FieldsQuery {
  const read = fields.filter((f) => !skip.has(f));
  const access = ([top, ...rest]: FieldPath) => `"${top}"` + rest.map((key) => `[${quoteLiteral(key)}]`).join("");
  const columns = fields.map((f) =>
    skip.has(f) ? `NULL::VARCHAR AS ${fieldColumn(f)}` : `${access(f.path)}::VARCHAR AS ${fieldColumn(f)}`,
  );
  return {
    sql: `SELECT NULL::BIGINT AS line, true AS parsed, ${columns.join(", ")}
      FROM read_json($file, format = 'newline_delimited', columns = $columns, ignore_errors = true)`,
    params: { columns: structValue(readJsonColumns(read)) },
  };
}

interface Tree {
  [key: string]: Tree | string;
}

/**
 * read_json's `columns`: each top-level key with its type, objects as nested STRUCTs of VARCHAR
 * (or JSON) leaves. Paths are plain key lists or fields. Pure.
 */
export function readJsonColumns(paths: readonly (FieldPath | Field)[]): Record<string, string> {
  const root: Tree = {};
  for (const entry of paths) {
    const field: Field = "path" in entry ? entry : { path: entry };
    let node = root;
    field.path.forEach((key, i) => {
      const leaf = i === field.path.length - 1;
      const existing = node[key];
      if (existing === undefined) node[key] = leaf ? (field.json ? "JSON" : "VARCHAR") : {};
      else if ((typeof existing === "string") !== leaf || (leaf && existing !== (field.json ? "JSON" : "VARCHAR"))) {
        throw new Error(`field ${jsonPath(field.path)} is both a value and an object, or read as two types`);
      }
      if (!leaf) node = node[key] as Tree;
    });
  }
  const type = (node: Tree | string): string =>
    typeof node === "string" ? node : `STRUCT(${Object.entries(node).map(([key, child]) => `"${key}" ${type(child)}`).join(", ")})`;
  return Object.fromEntries(Object.entries(root).map(([key, child]) => [key, type(child)]));
}
