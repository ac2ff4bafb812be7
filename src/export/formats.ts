import type { Lang } from "../core/lang.ts";
import { CODE_LISTS, type Code } from "../sources/sheets/codes.ts";

type Words = Record<string, { fr: string; en: string }>;

/** The sheets' dropdown labels, so a donor reads the words country teams chose. */
const words = (codes: Code[]): Words => Object.fromEntries(codes.map((c) => [c.code, { fr: c.fr, en: c.en }]));

/** Stable English codes of the warehouse, as a donor reads them. */
const CODES: Record<string, Words> = {
  unit: {
    count: { fr: "nombre", en: "count" },
    percent: { fr: "%", en: "%" },
    days: { fr: "jours", en: "days" },
    users: { fr: "utilisateurs", en: "users" },
  },
  kind: { stock: { fr: "stock", en: "stock" }, flow: { fr: "flux", en: "flow" } },
  phase_aggregate: {
    last: { fr: "valeur du dernier mois", en: "last month's value" },
    sum: { fr: "somme des mois", en: "sum of the months" },
    mean: { fr: "moyenne des mois", en: "mean of the months" },
    median: { fr: "médiane sur la phase", en: "median over the phase" },
  },
  status: { provisional: { fr: "provisoire", en: "provisional" }, approved: { fr: "validé", en: "approved" } },
  target_status: {
    on_track: { fr: "en bonne voie", en: "on track" },
    at_risk: { fr: "à surveiller", en: "at risk" },
    off_track: { fr: "en retard", en: "off track" },
  },
  load_status: {
    loaded: { fr: "chargé", en: "loaded" },
    loaded_with_rejects: { fr: "chargé avec rejets", en: "loaded with rejects" },
  },
  resource_status: words(CODE_LISTS.resource_status),
  level: words(CODE_LISTS.level),
  dimension: {
    sex: { fr: "sexe", en: "sex" },
    level: { fr: "niveau", en: "level" },
    source: { fr: "source", en: "source" },
    platform: { fr: "plateforme", en: "platform" },
  },
  sex: { F: { fr: "F", en: "F" }, M: { fr: "H", en: "M" } },
};

/** A code in words; an unknown code is shown as it is rather than hidden. */
export function translate(dictionary: string, code: string, lang: Lang): string {
  return CODES[dictionary]?.[code]?.[lang] ?? code;
}

/** `sex=F,level=primary` → `sexe = F, niveau = Primaire`. */
export function disaggregationLabel(disaggregation: string, lang: Lang): string {
  if (disaggregation === "") return lang === "fr" ? "ensemble" : "total";
  return disaggregation
    .split(",")
    .map((part) => {
      const [dimension = "", value = ""] = part.split("=");
      const values = dimension === "sex" ? "sex" : dimension === "level" ? "level" : "";
      return `${translate("dimension", dimension, lang)} = ${values ? translate(values, value, lang) : value}`;
    })
    .join(", ");
}

/** The marker written in place of a suppressed count. */
export function suppressedMark(threshold: number): string {
  return `< ${threshold}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Dates as spreadsheet users of each language type them: 28/11/2026 and 2026-11-28. */
export function formatDate(date: Date, lang: Lang): string {
  const [y, m, d] = [date.getUTCFullYear(), pad(date.getUTCMonth() + 1), pad(date.getUTCDate())];
  return lang === "fr" ? `${d}/${m}/${y}` : `${y}-${m}-${d}`;
}

/** A month: 11/2026 and 2026-11. */
export function formatMonth(date: Date, lang: Lang): string {
  const [y, m] = [date.getUTCFullYear(), pad(date.getUTCMonth() + 1)];
  return lang === "fr" ? `${m}/${y}` : `${y}-${m}`;
}

export function formatTimestamp(date: Date, lang: Lang): string {
  return `${formatDate(date, lang)} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** Plain numbers a spreadsheet parses in each locale (decimal comma in French, no grouping). */
export function formatNumber(value: number, lang: Lang): string {
  const text = String(Math.round(value * 1e6) / 1e6);
  return lang === "fr" ? text.replace(".", ",") : text;
}

/** ISO date of a DATE cell, for JSON. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
