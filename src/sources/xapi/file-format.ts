import { openSync, readSync, closeSync } from "node:fs";

/**
 * How a statements file is laid out: one statement per line, one JSON array of statements, or a
 * single JSON document (a StatementResult page `{statements, more}` or one statement).
 */
export type StatementsFormat = "ndjson" | "array" | "document";

/** Decides the layout from the first bytes of the file. Pure. */
export function detectFormat(head: string): StatementsFormat {
  const text = head.replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("[")) return "array";
  const firstLine = text.split("\n", 1)[0] ?? "";
  try {
    const first: unknown = JSON.parse(firstLine);
    const isPage = typeof first === "object" && first !== null && Array.isArray((first as { statements?: unknown }).statements);
    return isPage && text.slice(firstLine.length).trim() === "" ? "document" : "ndjson";
  } catch {
    // The first line is not a whole JSON value: a pretty-printed document, or a broken NDJSON
    // line followed by more statements, one per line.
    const secondLine = text.split("\n", 2)[1] ?? "";
    return text.startsWith("{") && !secondLine.trimStart().startsWith("{") ? "document" : "ndjson";
  }
}

/** Reads enough of the file to decide its layout. */
export function sniffFormat(path: string): StatementsFormat {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return detectFormat(buffer.subarray(0, n).toString("utf8"));
  } finally {
    closeSync(fd);
  }
}

/**
 * Largest single JSON value DuckDB will read (a whole page or a whole statement). DuckDB reserves
 * twice this per reader, inside the warehouse's memory limit: a page export larger than this is
 * better split or converted to NDJSON, which has no such limit.
 */
const MAX_OBJECT = 64 * 1024 * 1024;

/**
 * SQL yielding `(line, j)` for each statement of the file named by `$file`: its line (NDJSON) or
 * position (array, page), and its JSON text. DuckDB reads the file itself, in parallel.
 */
export function linesSql(format: StatementsFormat): string {
  switch (format) {
    case "ndjson":
      // Control characters never occur raw in JSON text, so \x01 as delimiter keeps each line whole.
      return `SELECT ordinality AS line, j FROM read_csv($file, columns = {'j': 'VARCHAR'}, header = false,
        delim = E'\\x01', quote = '', escape = '', auto_detect = false, strict_mode = false,
        null_padding = true) WITH ORDINALITY`;
    case "array":
      return `SELECT ordinality AS line, json::VARCHAR AS j
        FROM read_json_objects($file, format = 'array', maximum_object_size = ${MAX_OBJECT}) WITH ORDINALITY`;
    case "document":
      return `SELECT generate_subscripts(s, 1) AS line, unnest(s)::VARCHAR AS j FROM (
        SELECT CASE WHEN json_type(json, '$.statements') = 'ARRAY' THEN json_extract(json, '$.statements[*]') ELSE [json] END AS s
        FROM read_json_objects($file, format = 'unstructured', maximum_object_size = ${MAX_OBJECT}))`;
  }
}

/** How a reject points back into the file: `file.ndjson:17` (line) or `file.json#17` (statement). */
export function locationSeparator(format: StatementsFormat): string {
  return format === "ndjson" ? ":" : "#";
}
