/**
 * The next `since` for the LRS, from what a page told us. Statements stored before the first
 * response's Consistent-Through are all visible, so once the listing is complete that mark is
 * safe; mid-listing, only the last `stored` read is (capped by that mark). Never moves back.
 * Reading a statement twice is harmless (ids are loaded once), missing one is not. Pure.
 */
export function nextCursor(input: {
  previous: string | null;
  lastStored: string | null;
  consistentThrough: string | null;
  complete: boolean;
}): string | null {
  const { previous, lastStored, consistentThrough, complete } = input;
  let candidate: string | null;
  if (complete) candidate = consistentThrough ?? lastStored;
  else if (lastStored === null) candidate = null;
  else candidate = consistentThrough !== null && time(consistentThrough) < time(lastStored) ? consistentThrough : lastStored;
  if (candidate === null || Number.isNaN(time(candidate))) return previous;
  if (previous !== null && time(previous) >= time(candidate)) return previous;
  return new Date(time(candidate)).toISOString();
}

function time(iso: string): number {
  return Date.parse(iso);
}

/** The latest `stored` of a page's statements, or null. Pure. */
export function latestStored(statements: unknown[]): string | null {
  let best: string | null = null;
  let bestTime = -Infinity;
  for (const s of statements) {
    const stored = (s as { stored?: unknown } | null)?.stored;
    if (typeof stored !== "string") continue;
    const t = Date.parse(stored);
    if (!Number.isNaN(t) && t > bestTime) {
      best = stored;
      bestTime = t;
    }
  }
  return best;
}
