/** The words the note and the digests share for standings, severities, sources and roles. Pure. */
import type { Lang } from "../context/run-context.ts";
import { CODE_LISTS } from "../sources/sheets/codes.ts";
import { formatMonth, formatNumber } from "../mart/messages.ts";
import type { FlagChange } from "./flags.ts";
import type { KeyFigure, Standing } from "./report.ts";

export const STANDING: Record<Standing, Record<Lang, string>> = {
  on_track: { fr: "en bonne voie", en: "on track" },
  at_risk: { fr: "à risque", en: "at risk" },
  off_track: { fr: "en retard", en: "off track" },
  no_target: { fr: "sans cible", en: "no target" },
};

export const SEVERITY: Record<string, Record<Lang, string>> = {
  high: { fr: "élevée", en: "high" },
  medium: { fr: "moyenne", en: "medium" },
  low: { fr: "faible", en: "low" },
};

export const CHANGE: Record<FlagChange, Record<Lang, string>> = {
  new: { fr: "Nouveaux constats", en: "New flags" },
  ongoing: { fr: "Constats toujours ouverts", en: "Ongoing flags" },
  resolved: { fr: "Constats résolus", en: "Resolved flags" },
};

const SOURCE: Record<string, Record<Lang, string>> = {
  "national-csv": { fr: "Export de la plateforme nationale", en: "National platform export" },
  sheet: { fr: "Feuille pays", en: "Country sheet" },
};

export function sourceName(source: string, lang: Lang): string {
  return SOURCE[source]?.[lang] ?? source;
}

export function roleName(code: string, lang: Lang): string {
  return CODE_LISTS.author_role.find((r) => r.code === code)?.[lang] ?? code;
}

/** "novembre 2026" / "November 2026" from YYYY-MM. */
export function monthName(month: string, lang: Lang): string {
  return formatMonth(`${month}-01`, lang);
}

/** A figure in its unit: 1 234, 12,5 %, 40 jours. */
export function formatValue(value: number | null, unit: string, lang: Lang): string {
  if (value === null) return lang === "fr" ? "non reçu" : "not received";
  const n = formatNumber(Math.round(value * 10) / 10, lang);
  if (unit === "percent") return lang === "fr" ? `${n}\u00a0%` : `${n}%`;
  if (unit === "days") return lang === "fr" ? `${n}\u00a0jours` : `${n} days`;
  return n;
}

/** Value as a share of the pro-rata target, rounded to the unit: 87 %. */
export function shareOfTarget(f: Pick<KeyFigure, "value" | "target">, lang: Lang): string {
  if (f.value === null || f.target === null || f.target === 0) return "—";
  const n = formatNumber(Math.round((f.value / f.target) * 100), lang);
  return lang === "fr" ? `${n}\u00a0%` : `${n}%`;
}

/** Capital first letter, for a label that starts a line or a cell. */
export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
