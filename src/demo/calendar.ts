/** Dates as calendar days in UTC: the demo reasons in whole days and months, never local time. */
export const DAY_MS = 86_400_000;

export interface Month {
  /** "YYYY-MM" */
  key: string;
  /** First day, 00:00 UTC. */
  start: Date;
  /** First day of the next month (exclusive end). */
  end: Date;
  days: number;
}

export function utcDay(year: number, month1: number, day: number): Date {
  return new Date(Date.UTC(year, month1 - 1, day));
}

export function startOfDay(date: Date): Date {
  return utcDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

export function monthOf(date: Date): Month {
  const start = utcDay(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  const end = utcDay(date.getUTCFullYear(), date.getUTCMonth() + 2, 1);
  return { key: isoDay(start).slice(0, 7), start, end, days: daysBetween(start, end) };
}

/** The `count` whole months ending with the month before `asOf`. */
export function windowMonths(asOf: Date, count = 18): Month[] {
  const months: Month[] = [];
  for (let i = count; i >= 1; i--) {
    months.push(monthOf(utcDay(asOf.getUTCFullYear(), asOf.getUTCMonth() + 1 - i, 1)));
  }
  return months;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** 2026-03-12 */
export function isoDay(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** 12/03/2026, as French-speaking people write and French-locale sheets display dates. */
export function frDay(date: Date): string {
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

export function parseIsoDay(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`not a YYYY-MM-DD day: ${text}`);
  return utcDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** A random day in [from, to], both included. */
export function dayBetween(next: () => number, from: Date, to: Date): Date {
  const span = Math.max(0, daysBetween(from, to));
  return addDays(from, Math.floor(next() * (span + 1)));
}

/** UTC timestamp with milliseconds and Z, the form LRSs return for `stored`. */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/** The same instant written with a fixed offset, e.g. 2026-03-12T11:23:45+01:00. */
export function offsetInstant(ms: number, offsetHours: number, millis: boolean): string {
  const local = new Date(ms + offsetHours * 3_600_000).toISOString();
  const body = millis ? local.slice(0, 23) : local.slice(0, 19);
  const sign = offsetHours < 0 ? "-" : "+";
  return `${body}${sign}${pad(Math.abs(offsetHours))}:00`;
}
