import { formatDate, formatMonth } from "../../core/format.ts";
import type { Lang } from "../../core/lang.ts";
import type { Bilingual } from "../../core/message.ts";
import type { Reject } from "../../warehouse/reject.ts";
import type { Keyer } from "../../privacy/keyed-hash.ts";
import type { PlausibilityRules } from "./plausibility-config.ts";
import { codeLabels, lookupCode } from "./codes.ts";
import type { ColumnContract, TabContract } from "./contracts.ts";
import { cellRef, columnLetter } from "./cells.ts";
import { matchHeaders } from "./headers.ts";
import {
  DATE_HINT, cellText, isEmpty, parseBool, parseCount, parseDate, parseMonth, parseNumber, parseSex, serialToIso,
  type Cell, type Parsed,
} from "./values.ts";

export type Value = string | number | boolean | null;
export type TabRecord = Record<string, Value>;

export interface Phase {
  start: string;
  end: string;
}

/** What validating a tab needs beyond its cells. */
export interface ParseEnv {
  phase: Phase;
  /** ISO date of the run: dates of past events may not be later. */
  today: string;
  keyer: Keyer;
  /** ISO2 code for "SN", "Sénégal", "Senegal"…, or null. */
  matchCountry: (value: string) => string | null;
  /** Indicator id for a Cibles label, or null. */
  matchIndicator: (value: string) => string | null;
  /** `indicator:<id>`, `rule:<id>`, `flag:<id>` or `general` for what a comment is about, or null. */
  matchSubject?: (value: string) => string | null;
  /** Trainer ids of the country, for the Sessions reference check. */
  trainerIds?: ReadonlySet<string>;
  /** The plausibility rules loaded rows are checked against (they warn, never reject). */
  plausibility?: PlausibilityRules;
}

export interface ParsedTab {
  contract: TabContract;
  /** The tab title as received: rejects point at it. */
  title: string;
  /** Set when the tab breaks its contract: nothing of it may load. */
  refused: Bilingual | null;
  rejects: Reject[];
  /** One record per valid row, keyed by warehouse column; personal columns absent. */
  records: TabRecord[];
  /** The sheet row of each record (headers = row 1). */
  rowNumbers: number[];
  /** Column index of each warehouse key found in the tab. */
  columns: ReadonlyMap<string, number>;
  /** Non-empty data rows. */
  rowsRead: number;
  /**
   * Latest business date in the valid rows (ISO) up to today, for core.sheet_syncs.modified_at:
   * a date ahead (an activity's due date) is planned, not reported, so it never counts.
   */
  latestDate: string | null;
  /** The months (`YYYY-MM-01`) the valid rows report on, from their dates up to today (core.sheet_months). */
  months: string[];
  /** A date was refused for being in the future: the same cells may pass on a later day. */
  dependsOnToday: boolean;
  /** Trainer ids sessions refer to that Formateurs lacks: the Sessions result depends on them. */
  missingTrainers: string[];
  /** Every id typed in the tab's id column, rows with other problems included. */
  presentIds: string[];
}

/** A problem and what to do about it; stored as one sentence so ops.rejects keeps both. */
export function reason(problem: Bilingual, fix: Bilingual): Bilingual {
  return { fr: `${problem.fr} À faire : ${fix.fr}`, en: `${problem.en} To do: ${fix.en}` };
}

/** Splits a stored reason back into the problem and what to do (the Contrôles tab shows both). */
export function splitReason(text: string, lang: Lang = "fr"): { problem: string; fix: string } {
  const marker = lang === "fr" ? " À faire : " : " To do: ";
  const at = text.lastIndexOf(marker);
  return at < 0 ? { problem: text, fix: "" } : { problem: text.slice(0, at), fix: text.slice(at + marker.length) };
}

/** Reads one tab's grid (row 1 = headers) against its contract. Pure. */
export function parseTab(grid: Cell[][], title: string, contract: TabContract, env: ParseEnv): ParsedTab {
  const headers = matchHeaders(grid[0] ?? [], contract);
  const result: ParsedTab = { contract, title, refused: null, rejects: [], records: [], rowNumbers: [], columns: headers.found, rowsRead: 0, latestDate: null, months: [], dependsOnToday: false, missingTrainers: [], presentIds: [] };

  if (headers.missing.length > 0) {
    const fr = headers.missing.map(({ column, closest }) =>
      `la colonne obligatoire « ${column.header} » est introuvable (en-tête le plus proche : ${closest ? `« ${closest} »` : "aucun"})`);
    const en = headers.missing.map(({ column, closest }) =>
      `required column "${column.header}" not found (closest header: ${closest ? `"${closest}"` : "none"})`);
    const expected = headers.missing.map((m) => `« ${m.column.header} »`).join(", ");
    result.refused = {
      fr: `Onglet « ${title} » refusé : ${fr.join(" ; ")}. Rien n'a été chargé de cet onglet. À faire : écrivez ${expected} en ligne 1 de l'onglet « ${title} » (voir Lisez-moi), puis relancez.`,
      en: `Tab "${title}" refused: ${en.join("; ")}. Nothing was loaded from this tab. To do: write ${headers.missing.map((m) => `"${m.column.header}"`).join(", ")} in row 1 of tab "${title}" (see Lisez-moi), then run again.`,
    };
    return result;
  }

  for (const u of headers.unknown) {
    const text = u.duplicateOf === null
      ? reason(
        { fr: `Colonne « ${u.header} » inconnue : elle n'est pas chargée.`, en: `Unknown column "${u.header}": it is not loaded.` },
        { fr: "renommez-la comme dans le modèle (onglet Lisez-moi) ou supprimez-la.", en: "rename it as in the template (Lisez-moi tab) or remove it." },
      )
      : reason(
        { fr: `Colonne « ${u.header} » en double (déjà en colonne ${columnLetter(u.duplicateOf)}) : seule la première est lue.`, en: `Column "${u.header}" appears twice (already in column ${columnLetter(u.duplicateOf)}): only the first is read.` },
        { fr: "supprimez ou renommez la copie.", en: "remove or rename the copy." },
      );
    result.rejects.push({ location: cellRef(title, u.index, 1), column: u.header, value: u.header, reason: text });
  }

  const headerText = (key: string) => cellText(grid[0]?.[headers.found.get(key) ?? -1]);
  const idColumn = contract.columns[0]!;
  const firstSeen = new Map<string, number>();
  const dates: string[] = [];

  for (let r = 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.every(isEmpty)) continue;
    result.rowsRead++;
    const sheetRow = r + 1;
    const record: TabRecord = {};
    const rowRejects: Reject[] = [];
    const rejectCell = (column: ColumnContract, cell: Cell, text: Bilingual) => {
      rowRejects.push({
        location: cellRef(title, headers.found.get(column.key)!, sheetRow),
        column: headerText(column.key),
        value: shownValue(column, cell),
        reason: text,
      });
    };
    const idIndex = headers.found.get(idColumn.key);
    if (idIndex !== undefined && !isEmpty(row[idIndex])) result.presentIds.push(cellText(row[idIndex]));

    for (const column of contract.columns) {
      const index = headers.found.get(column.key);
      if (index === undefined || column.type.kind === "personal") continue;
      const cell = row[index];
      if (isEmpty(cell)) {
        record[column.key] = null;
        if (column.required) {
          rejectCell(column, cell, reason(
            { fr: `« ${column.header} » est vide alors qu'il est obligatoire.`, en: `"${column.header}" is empty but required.` },
            { fr: `remplissez la cellule (${column.help.fr})`, en: `fill in the cell (${column.help.en})` },
          ));
        }
        continue;
      }
      const parsed = parseCell(column, cell, env);
      if (!parsed.ok && parsed.future) result.dependsOnToday = true;
      if (!parsed.ok) {
        rejectCell(column, cell, reason(parsed.problem, parsed.fix));
        continue;
      }
      record[column.key] = parsed.value;
    }

    checkRow(contract, record, env, result, (key, text) => {
      const column = contract.columns.find((c) => c.key === key)!;
      rejectCell(column, row[headers.found.get(key)!], text);
    });

    const id = record[idColumn.key];
    // Several comments may share a month: Commentaires has no key.
    const key = contract.key === "targets" ? targetKey(record) : contract.key === "comments" ? null : typeof id === "string" ? id : null;
    if (key !== null) {
      const earlier = firstSeen.get(key);
      if (earlier === undefined) firstSeen.set(key, sheetRow);
      else {
        const keyColumn = contract.key === "targets" ? contract.columns[1]! : idColumn;
        rejectCell(keyColumn, row[headers.found.get(keyColumn.key)!], reason(
          { fr: `${contract.key === "targets" ? "Cette cible" : `L'identifiant « ${key} »`} figure déjà en ligne ${earlier}.`, en: `${contract.key === "targets" ? "This target" : `Id "${key}"`} already appears in row ${earlier}.` },
          { fr: "donnez un identifiant unique à chaque ligne ou supprimez le doublon.", en: "give each row a unique id or remove the duplicate." },
        ));
      }
    }

    if (rowRejects.length > 0) {
      result.rejects.push(...rowRejects);
      continue;
    }
    result.records.push(record);
    result.rowNumbers.push(sheetRow);
    for (const column of contract.columns) {
      const v = record[column.key];
      if ((column.type.kind === "date" || column.type.kind === "month") && typeof v === "string" && v <= env.today) dates.push(v);
    }
  }
  result.latestDate = dates.length > 0 ? dates.reduce((a, b) => (a > b ? a : b)) : null;
  result.months = [...new Set(dates.map((d) => `${d.slice(0, 7)}-01`))].sort();
  return result;
}

type CellParse = { ok: true; value: Value } | { ok: false; problem: Bilingual; fix: Bilingual; future?: boolean };

function parseCell(column: ColumnContract, cell: Cell, env: ParseEnv): CellParse {
  const withFix = (p: Parsed<Value>, fix: Bilingual): CellParse => (p.ok ? p : { ...p, fix });
  const type = column.type;
  switch (type.kind) {
    case "id":
    case "text":
      return { ok: true, value: cellText(cell) };
    case "pseudonym":
      return { ok: true, value: env.keyer(cellText(cell)) };
    case "link":
      return parseLink(cellText(cell));
    case "date": {
      const p = parseDate(cell);
      if (p.ok && (p.value < env.phase.start || p.value > env.phase.end)) {
        return outsidePhase(p.value, env.phase);
      }
      if (p.ok && type.past && p.value > env.today) {
        return {
          ok: false, future: true,
          problem: {
            fr: `La date ${formatDate("fr", p.value)} est dans le futur : cette colonne note ce qui a déjà eu lieu.`,
            en: `Date ${formatDate("en", p.value)} is in the future: this column records what already happened.`,
          },
          fix: { fr: "corrigez la date (jj/mm/aaaa), ou attendez qu'elle soit passée pour saisir la ligne.", en: "correct the date (dd/mm/yyyy), or enter the row once it has happened." },
        };
      }
      return withFix(p, DATE_HINT);
    }
    case "month": {
      const p = parseMonth(cell);
      if (p.ok && (p.value < env.phase.start.slice(0, 7) + "-01" || p.value > env.phase.end)) return outsidePhase(p.value.slice(0, 7), env.phase);
      return withFix(p, { fr: "saisissez un mois : 03/2026, mars 2026 ou 2026-03.", en: "enter a month: 03/2026, March 2026 or 2026-03." });
    }
    case "bool":
      return withFix(parseBool(cell), { fr: "choisissez Oui ou Non.", en: "choose Yes or No (Oui/Non)." });
    case "sex":
      return withFix(parseSex(cell), { fr: "choisissez F ou H.", en: "choose F or H (M)." });
    case "count":
      return withFix(parseCount(cell), { fr: "saisissez un nombre entier, 0 s'il n'y en a pas.", en: "enter a whole number, 0 if none." });
    case "number": {
      const p = parseNumber(cell);
      if (p.ok && p.value < 0) return { ok: false, problem: { fr: `« ${cellText(cell)} » est négatif.`, en: `"${cellText(cell)}" is negative.` }, fix: { fr: "saisissez une valeur positive.", en: "enter a positive value." } };
      return withFix(p, { fr: "saisissez un nombre (ex. 1 500 ou 12,5).", en: "enter a number (e.g. 1 500 or 12,5)." });
    }
    case "code": {
      const code = lookupCode(type.list, cellText(cell));
      if (code) return { ok: true, value: code };
      return {
        ok: false,
        problem: { fr: `« ${cellText(cell)} » n'est pas une valeur de la liste.`, en: `"${cellText(cell)}" is not one of the listed values.` },
        fix: { fr: `choisissez parmi : ${codeLabels(type.list, "fr").join(", ")}.`, en: `choose one of: ${codeLabels(type.list, "en").join(", ")}.` },
      };
    }
    case "country": {
      const code = env.matchCountry(cellText(cell));
      if (code) return { ok: true, value: code };
      return {
        ok: false,
        problem: { fr: `Pays « ${cellText(cell)} » inconnu.`, en: `Unknown country "${cellText(cell)}".` },
        fix: { fr: "saisissez le code ISO à deux lettres (ex. SN) ou le nom du pays.", en: "enter the two-letter ISO code (e.g. SN) or the country name." },
      };
    }
    case "indicator": {
      const id = env.matchIndicator(cellText(cell));
      if (id) return { ok: true, value: id };
      return {
        ok: false,
        problem: { fr: `Indicateur « ${cellText(cell)} » inconnu.`, en: `Unknown indicator "${cellText(cell)}".` },
        fix: { fr: "reprenez le nom exact du catalogue (ex. Formateurs formés, Enseignants formés).", en: "use the catalogue name (e.g. Formateurs formés, Enseignants formés)." },
      };
    }
    case "subject": {
      const subject = env.matchSubject?.(cellText(cell)) ?? null;
      if (subject) return { ok: true, value: subject };
      return {
        ok: false,
        problem: { fr: `« ${cellText(cell)} » n'est ni un indicateur, ni un constat connu.`, en: `"${cellText(cell)}" is neither a known indicator nor a known finding.` },
        fix: {
          fr: "choisissez un indicateur (ex. Enseignants formés), un constat (ex. Activités en retard), un identifiant de constat (ex. SN/overdue_activities) ou « Général ».",
          en: "choose an indicator (e.g. Enseignants formés), a finding (e.g. Activités en retard), a flag id (e.g. SN/overdue_activities) or \"Général\".",
        },
      };
    }
    case "personal":
      return { ok: true, value: null };
  }
}

/**
 * A web address, as a link on the site and in exports: http or https only. Any other scheme
 * (javascript:, data:, file:, ftp:…) would run code, carry content or point off the web.
 */
function parseLink(text: string): CellParse {
  const trimmed = text.trim();
  let url: URL | null = null;
  try {
    url = new URL(trimmed);
  } catch {
    url = null;
  }
  if (url && (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "") return { ok: true, value: trimmed };
  return {
    ok: false,
    problem: { fr: `« ${trimmed} » n'est pas un lien web (http ou https).`, en: `"${trimmed}" is not a web link (http or https).` },
    fix: {
      fr: "saisissez l'adresse complète de la ressource publiée, commençant par https:// (les liens javascript:, data:, ftp: ou vers un fichier ne sont pas acceptés).",
      en: "enter the full address of the published resource, starting with https:// (javascript:, data:, ftp: or file links are not accepted).",
    },
  };
}

/** The cell as the person sees it: a serial-number date shown as dd/mm/yyyy. */
function shownValue(column: ColumnContract, cell: Cell): string | null {
  if (isEmpty(cell)) return null;
  if ((column.type.kind === "date" || column.type.kind === "month") && typeof cell === "number") {
    return formatDate("fr", serialToIso(cell));
  }
  return cellText(cell);
}

function outsidePhase(value: string, phase: Phase): CellParse {
  // `value` is a day, or a month (yyyy-mm) for the Validation tab.
  const shown = (lang: Lang, iso: string) => (iso.length === 7 ? formatMonth(lang, iso, "numeric") : formatDate(lang, iso));
  const [fr, en] = [(iso: string) => shown("fr", iso), (iso: string) => shown("en", iso)];
  return {
    ok: false,
    problem: {
      fr: `La date ${fr(value)} est hors de la phase du projet (${fr(phase.start)} – ${fr(phase.end)}).`,
      en: `Date ${en(value)} is outside the project phase (${en(phase.start)} to ${en(phase.end)}).`,
    },
    fix: { fr: "vérifiez l'année et le mois (jj/mm/aaaa).", en: "check the year and month (dd/mm/yyyy)." },
  };
}

/** Rules across cells of one row. */
function checkRow(
  contract: TabContract,
  record: TabRecord,
  env: ParseEnv,
  result: ParsedTab,
  reject: (key: string, text: Bilingual) => void,
): void {
  if (contract.key === "comments") {
    checkComment(record, reject);
    return;
  }
  if (contract.key === "targets") {
    const year = record.baseline_year;
    if (typeof year === "number" && (year < 1990 || year > 2100)) {
      reject("baseline_year", reason(
        { fr: `L'année de référence ${year} n'est pas une année plausible.`, en: `Baseline year ${year} is not a plausible year.` },
        { fr: "saisissez une année sur quatre chiffres (ex. 2024).", en: "enter a four-digit year (e.g. 2024)." },
      ));
    }
    return;
  }
  if (contract.key !== "sessions") return;
  const { start_date: start, end_date: end, trainer_id: trainer } = record;
  if (typeof start === "string" && typeof end === "string" && end < start) {
    reject("end_date", reason(
      { fr: `La date de fin est avant la date de début (${formatDate("fr", start)}).`, en: `End date is before start date (${formatDate("en", start)}).` },
      { fr: "corrigez l'une des deux dates.", en: "correct one of the two dates." },
    ));
  }
  if (typeof trainer === "string" && env.trainerIds && !env.trainerIds.has(trainer)) {
    if (!result.missingTrainers.includes(trainer)) result.missingTrainers.push(trainer);
    reject("trainer_id", reason(
      { fr: `Le formateur « ${trainer} » n'existe pas dans l'onglet Formateurs.`, en: `Trainer "${trainer}" does not exist in the Formateurs tab.` },
      { fr: "ajoutez-le dans Formateurs ou corrigez l'identifiant.", en: "add them to Formateurs or correct the id." },
    ));
  }
}

/** Longest comment kept: a word of context, short enough for a digest read on a phone. */
export const COMMENT_MAX_LENGTH = 500;
const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
const PHONE = /\+?\d[\d .-]{7,}\d/;

/** A comment is published as typed: it holds no e-mail address or phone number and stays short. */
function checkComment(record: TabRecord, reject: (key: string, text: Bilingual) => void): void {
  const text = record.comment;
  if (typeof text !== "string") return;
  if (EMAIL.test(text) || PHONE.test(text)) {
    reject("comment", reason(
      { fr: "Le commentaire contient une adresse électronique ou un numéro de téléphone, or il est publié tel quel.", en: "The comment holds an e-mail address or a phone number, yet it is published as typed." },
      { fr: "retirez les coordonnées : nommez un rôle (le point focal), jamais une personne.", en: "remove the contact details: name a role (the focal point), never a person." },
    ));
  } else if (text.length > COMMENT_MAX_LENGTH) {
    reject("comment", reason(
      { fr: `Le commentaire fait ${text.length} caractères (${COMMENT_MAX_LENGTH} au plus).`, en: `The comment is ${text.length} characters long (${COMMENT_MAX_LENGTH} at most).` },
      { fr: "résumez-le en une ou deux phrases.", en: "sum it up in one or two sentences." },
    ));
  }
}

export function targetKey(record: TabRecord): string | null {
  const { country_code: c, indicator_id: i, deadline: d } = record;
  return typeof c === "string" && typeof i === "string" && typeof d === "string" ? `${c}|${i}|${d}` : null;
}
