import type { ColumnContract, TabContract } from "./contracts.ts";
import { isEmailHeader } from "./contracts.ts";
import { editDistance, normaliseLabel } from "./normalise.ts";
import { cellText, type Cell } from "./values.ts";

export interface HeaderMatch {
  /** Column index in the sheet for each contract column found. */
  found: Map<string, number>;
  /** Headers that are none of the contract's columns (reported, not loaded). */
  unknown: { index: number; header: string; duplicateOf: number | null }[];
  /** Required columns absent, each with the unmatched header that looks most like it. */
  missing: { column: ColumnContract; closest: string | null }[];
  /** Columns dropped on purpose because they hold personal data. */
  personal: number[];
}

/** Matches the header row (row 1) against a tab contract, in any column order. Pure. */
export function matchHeaders(headerRow: Cell[], contract: TabContract): HeaderMatch {
  const byLabel = new Map<string, ColumnContract>();
  for (const column of contract.columns) {
    for (const label of [column.header, column.key, ...column.aliases]) byLabel.set(normaliseLabel(label), column);
  }
  const found = new Map<string, number>();
  const unknown: HeaderMatch["unknown"] = [];
  const personal: number[] = [];
  headerRow.forEach((cell, index) => {
    const header = cellText(cell);
    if (header === "") return;
    const normal = normaliseLabel(header);
    const column = byLabel.get(normal);
    if (column && !found.has(column.key)) {
      found.set(column.key, index);
      if (column.type.kind === "personal") personal.push(index);
    } else if (isEmailHeader(normal)) {
      personal.push(index);
    } else {
      unknown.push({ index, header, duplicateOf: column ? (found.get(column.key) ?? null) : null });
    }
  });
  const missing = contract.columns
    .filter((c) => c.required && !found.has(c.key))
    .map((column) => ({ column, closest: closestHeader(column, unknown.filter((u) => u.duplicateOf === null).map((u) => u.header)) }));
  return { found, unknown, missing, personal };
}

function closestHeader(column: ColumnContract, candidates: string[]): string | null {
  const targets = [column.header, ...column.aliases].map(normaliseLabel);
  let best: { header: string; distance: number } | null = null;
  for (const header of candidates) {
    const normal = normaliseLabel(header);
    const distance = Math.min(...targets.map((t) => editDistance(normal, t) / Math.max(t.length, normal.length, 1)));
    if (!best || distance < best.distance) best = { header, distance };
  }
  return best?.header ?? null;
}
