export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Abbreviated and full month names, French and English, normalised (no accents, no dot). */
const MONTHS: Record<string, number> = {
  jan: 1, janv: 1, janvier: 1, january: 1,
  fev: 2, fevr: 2, fevrier: 2, feb: 2, february: 2,
  mar: 3, mars: 3, march: 3,
  avr: 4, avril: 4, apr: 4, april: 4,
  mai: 5, may: 5,
  juin: 6, jun: 6, june: 6,
  juil: 7, juillet: 7, jul: 7, july: 7,
  aou: 8, aout: 8, aug: 8, august: 8,
  sep: 9, sept: 9, septembre: 9, september: 9,
  oct: 10, octobre: 10, october: 10,
  nov: 11, novembre: 11, november: 11,
  dec: 12, decembre: 12, december: 12,
};

const NUMERIC = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const TEXT_MONTH = /^(\d{1,2})\s+([^\s\d,]+)\s+(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const NO_YEAR = /^(\d{1,2})\s+([^\s\d,]+),?\s+(\d{1,2}):(\d{2})$/;
/** "2026-11-01 09:30:00": a download re-saved by a spreadsheet, or a site set to ISO dates. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The Time column as Moodle writes it: "7/09/26, 21:40:58" (English pattern, also French sites
 * before 2023) or "7 sept. 26, 21:40:58" (French packs since 2023), or in ISO form
 * "2026-11-01 09:30:00". The oldest pattern "7 sept., 21:40" has no year: reported, not
 * guessed. Pure.
 */
export function parseMoodleTime(text: string): WallTime | "no-year" | null {
  const value = text.trim();
  let day: string | undefined, month: number | undefined, year: string | undefined;
  let rest: (string | undefined)[] = [];
  const iso = ISO.exec(value);
  const numeric = iso ? null : NUMERIC.exec(value);
  const textual = iso || numeric ? null : TEXT_MONTH.exec(value);
  if (iso) {
    [, year, , day, ...rest] = iso;
    month = Number(iso[2]);
  } else if (numeric) {
    [, day, , year, ...rest] = numeric;
    month = Number(numeric[2]);
  } else if (textual) {
    [, day, , year, ...rest] = textual;
    month = monthNumber(textual[2]!);
  } else {
    return NO_YEAR.test(value) && monthNumber(NO_YEAR.exec(value)![2]!) !== undefined ? "no-year" : null;
  }
  if (month === undefined) return null;
  const y = Number(year);
  const wall: WallTime = {
    year: year!.length === 2 ? 2000 + y : y,
    month,
    day: Number(day),
    hour: Number(rest[0]),
    minute: Number(rest[1]),
    second: Number(rest[2] ?? 0),
  };
  const check = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second));
  const valid =
    check.getUTCDate() === wall.day && check.getUTCMonth() === wall.month - 1 && wall.hour < 24 && wall.minute < 60 && wall.second < 60;
  return valid ? wall : null;
}

function monthNumber(token: string): number | undefined {
  const key = token.normalize("NFD").replace(/\p{M}/gu, "").replace(/\.$/, "").toLowerCase();
  return MONTHS[key];
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws RangeError for a zone the runtime does not know. */
export function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function offsetAt(utcMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of zoneFormatter(timeZone).formatToParts(new Date(utcMs))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The instant a wall-clock time in an IANA zone designates (Moodle writes no offset). Pure. */
export function zonedToUtc(wall: WallTime, timeZone: string): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const first = offsetAt(guess, timeZone);
  const second = offsetAt(guess - first, timeZone);
  return new Date(guess - second);
}
