// Numbers, percentages and dates as people read them, in French (1 234,5 · 12 % · 28/11/2026) and in
// English (1,234.5 · 12% · 2026-11-28). One module for the dashboard, the exports, the sheets and the
// messages; the language always comes first. Pure, and the same in Node and in browsers.
import type { Lang } from "./lang.ts";
import { parsePeriod } from "./periods.ts";

/** What a missing or unreadable value is shown as: never a 0, never "NaN". */
export const MISSING = "—";

/** The space French puts in `1 234` and `12 %`: a no-break space, whatever ICU prefers (it varies). */
export const NBSP = "\u00a0";

const LOCALES: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };

export interface NumberOptions {
  /** Most decimals shown (default 1); trailing zeros are dropped. */
  digits?: number;
  /** Thousands separators (default true); off for cells a spreadsheet must parse back. */
  grouping?: boolean;
  /** Always show the sign, as in a change: `+12`, `-3` (0 stays `0`). */
  signed?: boolean;
}

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, digits: number, grouping: boolean, signed: boolean): Intl.NumberFormat {
  const key = `${lang}|${digits}|${grouping}|${signed}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits, useGrouping: grouping, signDisplay: signed ? "exceptZero" : "auto" });
    formats.set(key, format);
  }
  return format;
}

function readable(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** `1 234,5` / `1,234.5`; rounds half away from zero to `digits` decimals (default 1). */
export function formatNumber(lang: Lang, value: number | null | undefined, options: number | NumberOptions = {}): string {
  if (!readable(value)) return MISSING;
  const { digits = 1, grouping = true, signed = false } = typeof options === "number" ? { digits: options } : options;
  const text = numberFormat(lang, digits, grouping, signed).format(value).replace(/[\u202f\u00a0]/g, NBSP);
  // A value that rounds to zero is 0, never -0 (signDisplay "negative" would say so, but older browsers refuse it).
  return /^-0(?:[.,]0*)?$/.test(text) ? text.slice(1) : text;
}

/** Multiplies by 100 in decimal, not in binary: 0.145 is 14.5, not 14.499999999999998. */
function hundredfold(share: number): number {
  const [mantissa, exponent = "0"] = String(share).split("e");
  return Number(`${mantissa}e${Number(exponent) + 2}`);
}

/** A percentage already on 0–100: `12,5 %` / `12.5%`. */
export function formatPercentage(lang: Lang, percent: number | null | undefined, digits = 1): string {
  if (!readable(percent)) return MISSING;
  const n = formatNumber(lang, percent, digits);
  return lang === "fr" ? `${n}${NBSP}%` : `${n}%`;
}

/** A share given as a fraction (0.12): `12 %` / `12%`, `digits` decimals (default none). */
export function formatPercent(lang: Lang, share: number | null | undefined, digits = 0): string {
  return readable(share) ? formatPercentage(lang, hundredfold(share), digits) : MISSING;
}

/**
 * Decimals shown for a value in an indicator's unit: people (`users`), things (`count`) and `days`
 * are whole, a `percent` has one decimal, any other unit one. The indicator catalogue declares the
 * same precision for each of its indicators (test/mart/catalogue.test.ts holds them together).
 */
export const UNIT_DIGITS: Readonly<Record<string, number>> = { count: 0, users: 0, days: 0, percent: 1 };

/**
 * A value in an indicator's unit: `percent` holds 0–100 (`12,5 %`), people and counts are whole
 * (an average of 1 204,5 users a month reads 1 205).
 */
export function formatValue(lang: Lang, value: number | null | undefined, unit?: string): string {
  const shown = UNIT_DIGITS[unit ?? ""] ?? 1;
  return unit === "percent" ? formatPercentage(lang, value, shown) : formatNumber(lang, value, shown);
}

/** A change on a previous value, signed: `+12`, `-3,5`. */
export function formatDelta(lang: Lang, value: number | null | undefined, digits = 1): string {
  return formatNumber(lang, value, { digits, signed: true });
}

/** Date parts of an ISO string as written (no time-zone shift), or of a Date in UTC. */
function parts(value: string | Date | null | undefined): { y: string; m: string; d: string } | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const iso = value.toISOString();
    return { y: iso.slice(0, 4), m: iso.slice(5, 7), d: iso.slice(8, 10) };
  }
  const match = typeof value === "string" ? /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value) : null;
  return match ? { y: match[1]!, m: match[2]!, d: match[3] ?? "01" } : null;
}

/** `28/11/2026` / `2026-11-28` (ISO: no reader, British or American, can misread it). */
export function formatDate(lang: Lang, value: string | Date | null | undefined): string {
  const p = parts(value);
  if (!p) return typeof value === "string" && value !== "" ? value : MISSING;
  return lang === "fr" ? `${p.d}/${p.m}/${p.y}` : `${p.y}-${p.m}-${p.d}`;
}

/** `28/11/2026 09:00:00` / `2026-11-28 09:00:00`, in UTC; to the minute with `seconds: false`. */
export function formatTimestamp(lang: Lang, value: string | Date | null | undefined, { seconds = true } = {}): string {
  const date = typeof value === "string" ? new Date(value) : value;
  if (!date || Number.isNaN(date.getTime())) return MISSING;
  return `${formatDate(lang, date)} ${date.toISOString().slice(11, seconds ? 19 : 16)}`;
}

const MONTH_NAMES = {
  short: {
    fr: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
    en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  },
  long: {
    fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  },
} as const;

/**
 * A month from `2026-03`, `2026-03-01` or a Date: `short` on axes and in tables (`mars 2026` /
 * `Mar 2026`), `long` in sentences (`mars 2026` / `March 2026`), `numeric` in spreadsheet cells
 * (`03/2026` / `2026-03`).
 */
export function formatMonth(lang: Lang, value: string | Date | null | undefined, style: "short" | "long" | "numeric" = "short"): string {
  const p = parts(value);
  if (!p) return typeof value === "string" && value !== "" ? value : MISSING;
  if (style === "numeric") return lang === "fr" ? `${p.m}/${p.y}` : `${p.y}-${p.m}`;
  return `${MONTH_NAMES[style][lang][Number(p.m) - 1]} ${p.y}`;
}

/**
 * A period by its code (src/core/periods.ts), as a title reads it: `octobre 2026` / `October 2026`,
 * `T3 2026` / `Q3 2026`, `2026`; the phase to date with the day it runs to: `phase au 30/09/2026` /
 * `phase to 2026-09-30`. An unknown code is shown as it is.
 */
export function formatPeriod(lang: Lang, code: string, end?: string | Date | null): string {
  if (code === "phase") {
    const to = end ? formatDate(lang, end) : null;
    return lang === "fr" ? (to ? `phase au ${to}` : "phase") : to ? `phase to ${to}` : "phase";
  }
  const period = parsePeriod(code);
  if (!period) return code || MISSING;
  if (period.type === "month") return formatMonth(lang, period.start, "long");
  if (period.type === "quarter") return `${lang === "fr" ? "T" : "Q"}${period.code.slice(-1)} ${period.code.slice(0, 4)}`;
  return period.code;
}

/** `2026-11-28`, the day of a Date in UTC, for machine-readable outputs (JSON, file names). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Items in a sentence: `a, b et c` / `a, b or c` (`and` by default). */
export function formatList(lang: Lang, items: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  const word = { and: { fr: "et", en: "and" }, or: { fr: "ou", en: "or" } }[conjunction][lang];
  return `${items.slice(0, -1).join(", ")} ${word} ${items[items.length - 1]}`;
}
