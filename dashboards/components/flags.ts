// How bottleneck flags are ordered wherever they are listed: the most severe first, then the
// newest, then by country name in the page's language.
import type { Lang } from "imaginecole/core";

export const SEVERITY_RANK: Record<string, number> = { high: 4, medium: 3, low: 2, info: 1 };

interface Listed {
  severity: string;
  since: string | null;
  country: string;
}

export function sortFlags<T extends Listed>(lang: Lang, flags: T[]): T[] {
  const collator = new Intl.Collator(lang);
  return [...flags].sort((a, b) =>
    (SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0) ||
    String(b.since ?? "").localeCompare(String(a.since ?? "")) ||
    collator.compare(a.country, b.country));
}
