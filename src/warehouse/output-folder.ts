// Folders derived from the warehouse (the Parquet lake, a donor snapshot) appear whole or not at
// all: written under a hidden name beside their final one, then renamed into place.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * A fresh hidden folder beside `target` to write into, after removing what killed writes left
 * there. Finish with `swapIn`, or `discard` on failure.
 */
export function workFolder(target: string): string {
  mkdirSync(dirname(target), { recursive: true });
  removeLeftovers(target);
  const work = sibling(target, "tmp");
  mkdirSync(work);
  return work;
}

/** Puts the finished folder `work` under the name `target`, replacing what was there. */
export function swapIn(work: string, target: string): void {
  let old: string | undefined;
  if (existsSync(target)) {
    old = sibling(target, "old");
    renameSync(target, old);
  }
  renameSync(work, target);
  if (old) rmSync(old, { recursive: true, force: true });
}

/** Removes an unfinished folder; never throws, so the failure that led here is the one reported. */
export function discard(work: string): void {
  try {
    rmSync(work, { recursive: true, force: true });
  } catch {
    // Left as a hidden folder: the next write beside it removes it.
  }
}

/** Whether `name` is a folder being written, or replaced, beside `target`. */
export function isLeftover(target: string, name: string): boolean {
  const prefix = `.${basename(target)}.`;
  return name.startsWith(`${prefix}tmp-`) || name.startsWith(`${prefix}old-`);
}

/** A hidden name beside `target` for a folder being written (`tmp`) or replaced (`old`). */
function sibling(target: string, role: "tmp" | "old"): string {
  return join(dirname(target), `.${basename(target)}.${role}-${process.pid}-${Date.now().toString(36)}`);
}

/** Folders a killed write left beside `target`. */
function removeLeftovers(target: string): void {
  const parent = dirname(target);
  for (const name of readdirSync(parent)) if (isLeftover(target, name)) rmSync(join(parent, name), { recursive: true, force: true });
}
