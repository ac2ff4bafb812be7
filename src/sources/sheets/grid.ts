import { createHash } from "node:crypto";
import { cellText, type Cell } from "./values.ts";

/**
 * The grid as the Sheets API returns it: trailing empty cells and rows dropped, text trimmed.
 * CSV and .xlsx reads go through it too, so a tab's hash only moves when its values do.
 */
export function tidyGrid(grid: Cell[][]): Cell[][] {
  const rows = grid.map((row) => {
    const cells = row.map((cell) => (typeof cell === "string" ? cell.trim() : cell ?? ""));
    while (cells.length > 0 && cellText(cells[cells.length - 1]) === "") cells.pop();
    return cells;
  });
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

/** sha256 of everything a tab's load depends on: its values and the inputs of its validation. */
export function contentHash(parts: unknown): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}
