/** Words people add or drop freely in headers and labels ("Date de formation" = "date_formation"). */
const FILLER = new Set(["de", "du", "des", "d", "la", "le", "les", "l", "a", "of", "the"]);

/**
 * The comparable form of a hand-typed header, tab title or label: lower case, no accents, no
 * apostrophes, punctuation or spaces, filler words dropped.
 */
export function normaliseLabel(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((word) => word !== "" && !FILLER.has(word))
    .join("");
}

/** Edit distance, to name the header closest to a missing one. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
