/**
 * Cell values as country teams type them, turned into typed values. Pure: every function takes a
 * cell (string from a CSV, number or boolean from the API or an .xlsx) and says what it means or why not.
 */
import type { Bilingual } from "../../core/message.ts";

export type Cell = string | number | boolean | null | undefined;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Bilingual };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(problem: Bilingual): Parsed<T> => ({ ok: false, problem });

/** Day 0 of spreadsheet serial numbers: 43831 is 2020-01-01 (Google Sheets, Excel after 1900-03-01). */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function isEmpty(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** The cell as text, trimmed; numbers without a spurious ".0". */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return String(cell);
  return String(cell).trim();
}

export function serialToIso(serial: number): string {
  return new Date(SERIAL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

export function dateToSerial(date: Date): number {
  return (date.getTime() - SERIAL_EPOCH_MS) / DAY_MS;
}

function isoIfReal(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}


/** Serial numbers, dd/mm/yyyy (also with - or .), yyyy-mm-dd with or without a time. */
export function parseDate(cell: Cell): Parsed<string> {
  if (typeof cell === "number") {
    if (cell < 1 || cell > 2_958_465) return bad({ fr: `« ${cell} » n'est pas une date.`, en: `"${cell}" is not a date.` });
    return ok(serialToIso(cell));
  }
  const text = cellText(cell);
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const iso = isoIfReal(year, Number(m[2]), Number(m[1]));
    if (iso) return ok(iso);
    return bad({ fr: `« ${text} » n'est pas une date réelle.`, en: `"${text}" is not a real date.` });
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (m) {
    const iso = isoIfReal(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) return ok(iso);
    return bad({ fr: `« ${text} » n'est pas une date réelle.`, en: `"${text}" is not a real date.` });
  }
  // A serial number that reached us as text (a CSV written from unformatted values).
  if (/^\d{5}(?:[.,]\d+)?$/.test(text)) return ok(serialToIso(Number(text.replace(",", "."))));
  return bad({ fr: `« ${text} » n'est pas une date lisible.`, en: `"${text}" is not a readable date.` });
}

export const DATE_HINT: Bilingual = { fr: "Saisissez une date jj/mm/aaaa (ex. 28/11/2026).", en: "Enter a date as dd/mm/yyyy (e.g. 28/11/2026)." };

const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, jan: 1, january: 1,
  fevrier: 2, fevr: 2, fev: 2, feb: 2, february: 2,
  mars: 3, mar: 3, march: 3,
  avril: 4, avr: 4, apr: 4, april: 4,
  mai: 5, may: 5,
  juin: 6, june: 6, jun: 6,
  juillet: 7, juil: 7, jul: 7, july: 7,
  aout: 8, aug: 8, august: 8,
  septembre: 9, sept: 9, sep: 9, september: 9,
  octobre: 10, oct: 10, october: 10,
  novembre: 11, nov: 11, november: 11,
  decembre: 12, dec: 12, december: 12,
};

/** A month as its first day: "03/2026", "mars 2026", "2026-03", or any date inside it. */
export function parseMonth(cell: Cell): Parsed<string> {
  const text = cellText(cell);
  const first = (year: number, month: number): Parsed<string> =>
    month >= 1 && month <= 12 ? ok(`${year}-${String(month).padStart(2, "0")}-01`) : bad({ fr: `« ${text} » n'est pas un mois.`, en: `"${text}" is not a month.` });
  let m = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return first(Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (m) return first(Number(m[1]), Number(m[2]));
  const plain = text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  m = /^([a-z]+)\.?\s*(\d{4})$/.exec(plain);
  if (m) {
    const month = MONTHS[m[1]!];
    if (month) return first(Number(m[2]), month);
  }
  const date = parseDate(cell);
  if (date.ok) return ok(`${date.value.slice(0, 7)}-01`);
  return bad({ fr: `« ${text} » n'est pas un mois lisible.`, en: `"${text}" is not a readable month.` });
}

const TRUE = new Set(["oui", "o", "yes", "y", "vrai", "true", "1", "x", "✓", "✔", "✅"]);
const FALSE = new Set(["non", "n", "no", "faux", "false", "0", "✗", "✘", "❌", "-"]);

export function parseBool(cell: Cell): Parsed<boolean> {
  if (typeof cell === "boolean") return ok(cell);
  const text = cellText(cell).toLowerCase();
  if (TRUE.has(text)) return ok(true);
  if (FALSE.has(text)) return ok(false);
  return bad({ fr: `« ${cellText(cell)} » n'est ni Oui ni Non.`, en: `"${cellText(cell)}" is neither Yes nor No.` });
}

const SEX: Record<string, "F" | "M"> = {
  f: "F", femme: "F", feminin: "F", female: "F", woman: "F", fille: "F",
  h: "M", m: "M", homme: "M", masculin: "M", male: "M", man: "M", garcon: "M",
};

export function parseSex(cell: Cell): Parsed<"F" | "M"> {
  const key = cellText(cell).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\.$/, "");
  const sex = SEX[key];
  return sex ? ok(sex) : bad({ fr: `« ${cellText(cell)} » n'est pas un sexe reconnu (F ou H).`, en: `"${cellText(cell)}" is not a recognised sex (F or H/M).` });
}

/** French or English number: "1 500", "1 500,5", "12,5", "1500.5"; spaces of any kind as thousands. */
export function parseNumber(cell: Cell): Parsed<number> {
  if (typeof cell === "number") return ok(cell);
  const text = cellText(cell).replace(/[\s\u00a0\u202f']/g, "");
  let normal = text;
  if (/^-?\d+,\d+$/.test(text)) normal = text.replace(",", ".");
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) normal = text.replace(/,/g, "");
  if (/^-?\d+(\.\d+)?$/.test(normal)) return ok(Number(normal));
  return bad({ fr: `« ${cellText(cell)} » n'est pas un nombre.`, en: `"${cellText(cell)}" is not a number.` });
}

/** A head count: a whole number, zero or more. */
export function parseCount(cell: Cell): Parsed<number> {
  const n = parseNumber(cell);
  if (!n.ok) return n;
  if (!Number.isInteger(n.value)) return bad({ fr: `« ${cellText(cell)} » n'est pas un nombre entier.`, en: `"${cellText(cell)}" is not a whole number.` });
  if (n.value < 0) return bad({ fr: `« ${cellText(cell)} » est négatif.`, en: `"${cellText(cell)}" is negative.` });
  return n;
}
