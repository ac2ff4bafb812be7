import type { Row } from "./build.ts";
import { isoDate } from "../core/format.ts";
import type { SnapshotTable } from "./tables.ts";

export interface JsonHeader {
  as_of: string;
  tool: string;
  version: string;
  suppress_below: number;
}

/**
 * One JSON document for analysts: stable snake_case keys, both languages' labels, numbers as
 * numbers, ISO dates, null for a suppressed value. Nothing in it depends on when it was written.
 */
export function toJson(header: JsonHeader, tables: Map<SnapshotTable, Row[]>): string {
  const out: Record<string, unknown> = { snapshot: header, tables: {} };
  const target = out.tables as Record<string, unknown[]>;
  for (const [table, rows] of tables) {
    target[table.file] = rows.map((row) => {
      const record: Record<string, unknown> = {};
      for (const column of table.columns) record[column.key] = jsonValue(row[column.key], column.type);
      return record;
    });
  }
  return JSON.stringify(out, null, 2) + "\n";
}

function jsonValue(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return type === "timestamp" ? value.toISOString() : isoDate(value);
  return value;
}
