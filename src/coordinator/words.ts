/** The words the note and the digests share for standings, severities, sources and roles. Pure. */
import type { Lang } from "../core/lang.ts";
import { formatMonth, formatNumber, formatValue as formatInUnit } from "../core/format.ts";
import { label } from "../core/labels.ts";
import type { FlagChange } from "./flags.ts";
import type { KeyFigure, Standing } from "./report.ts";

/** A standing, lower-cased for use inside a sentence ("en bonne voie"). */
export function standingName(standing: Standing, lang: Lang): string {
  return label(lang, "target_status", standing).toLowerCase();
}

/** A severity inside a sentence ("élevée"). */
export function severityName(severity: string, lang: Lang): string {
  return label(lang, "severity", severity).toLowerCase();
}

export const CHANGE: Record<FlagChange, Record<Lang, string>> = {
  new: { fr: "Nouveaux constats", en: "New flags" },
  ongoing: { fr: "Constats toujours ouverts", en: "Ongoing flags" },
  resolved: { fr: "Constats résolus", en: "Resolved flags" },
};

export function sourceName(source: string, lang: Lang): string {
  return label(lang, "source", source);
}

export function roleName(code: string, lang: Lang): string {
  return label(lang, "author_role", code);
}

/** "novembre 2026" / "November 2026" from YYYY-MM. */
export function monthName(month: string, lang: Lang): string {
  return formatMonth(lang, `${month}-01`, "long");
}

/** A figure in its unit: 1 234, 12,5 %, 40 jours. */
export function formatValue(value: number | null, unit: string, lang: Lang): string {
  if (value === null) return lang === "fr" ? "non reçu" : "not received";
  return formatInUnit(lang, value, unit);
}

/** Value as a share of the pro-rata target, rounded to the unit: 87 %. */
export function shareOfTarget(f: Pick<KeyFigure, "value" | "target">, lang: Lang): string {
  if (f.value === null || f.target === null || f.target === 0) return "—";
  return `${formatNumber(lang, Math.round((f.value / f.target) * 100))}${lang === "fr" ? "\u00a0%" : "%"}`;
}

/** Capital first letter, for a label that starts a line or a cell. */
export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
