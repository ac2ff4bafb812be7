// The periods figures are given for: a month (`2026-10`), a quarter (`2026-Q3`), a year (`2026`) and
// the programme phase to date (`phase`). One reading of their codes for the command line, the mart
// and the exports. Pure, and the same in Node and in browsers.

export const PERIOD_TYPES = ["month", "quarter", "year", "phase"] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** A calendar period by its code, with its first and last day (YYYY-MM-DD). */
export interface CalendarPeriod {
  type: Exclude<PeriodType, "phase">;
  code: string;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The last day of a month (`month` 1–12), as YYYY-MM-DD. */
export function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** `2026-10`, `2026-Q3` (or `2026-T3`, as French writes it) or `2026`; null for anything else. */
export function parsePeriod(code: string): CalendarPeriod | null {
  const text = code.trim().toUpperCase();
  let match = /^(\d{4})-(\d{2})$/.exec(text);
  if (match) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (month < 1 || month > 12) return null;
    return { type: "month", code: `${year}-${pad(month)}`, start: `${year}-${pad(month)}-01`, end: lastDayOfMonth(year, month) };
  }
  match = /^(\d{4})-[QT]([1-4])$/.exec(text);
  if (match) {
    const [year, quarter] = [Number(match[1]), Number(match[2])];
    const first = 3 * quarter - 2;
    return { type: "quarter", code: `${year}-Q${quarter}`, start: `${year}-${pad(first)}-01`, end: lastDayOfMonth(year, first + 2) };
  }
  match = /^(\d{4})$/.exec(text);
  if (match) return { type: "year", code: match[1]!, start: `${match[1]}-01-01`, end: `${match[1]}-12-31` };
  return null;
}

/** The type of a period code as the mart writes it (`phase` for the phase to date). */
export function periodTypeOf(code: string): PeriodType | null {
  return code === "phase" ? "phase" : (parsePeriod(code)?.type ?? null);
}
