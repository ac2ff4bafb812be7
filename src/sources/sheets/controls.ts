import { formatMonth, formatNumber, formatTimestamp, formatValue } from "../../core/format.ts";
import { label } from "../../core/labels.ts";
import type { Lang } from "../../core/lang.ts";
import type { Bilingual } from "../../core/message.ts";
import type { LoadStatus } from "../../warehouse/batch.ts";
import type { CountryStanding } from "../plugin.ts";
import { normaliseLabel } from "./normalise.ts";
import { splitReason } from "./parse-tab.ts";
import { parseBool, type Cell } from "./values.ts";

/** One line of the cells to fix: where, what was there, what is wrong, what to do. */
export interface ControlIssue {
  cell: string;
  column: string;
  value: string;
  problem: Bilingual;
  fix: Bilingual;
}

/** What a tab's load did this run. */
export interface TabSummary {
  title: string;
  /** `missing`: the tab is not in the spreadsheet. */
  status: LoadStatus | "missing";
  read: number;
  loaded: number;
  added: number;
  changed: number;
  removed: number;
  rejected: number;
}

export interface OpenWarning {
  warning_id: string;
  location: string;
  message_fr: string;
  message_en: string;
}

/** Everything the Contrôles tab says to a team, in its sheet's language. */
export interface ControlsReport {
  lang: Lang;
  /** The country's name (or "Cibles" for the regional sheet). */
  place: string;
  lastSync: Date | null;
  tabs: TabSummary[];
  /** undefined for the regional sheet (no standing); null before the mart describes a month. */
  standing?: CountryStanding | null;
  warnings: OpenWarning[];
  /** Warnings the team confirmed: no longer listed. */
  confirmed: number;
  issues: ControlIssue[];
}

const T = {
  title: { fr: "Contrôles ImaginEcole", en: "ImaginEcole checks" },
  note: {
    fr: "Onglet réécrit à chaque synchronisation : corrigez les cellules indiquées dans leurs onglets, pas ici. Seule la colonne « Confirmé » des alertes est lue.",
    en: "This tab is rewritten at every sync: fix the cells it lists in their own tabs, not here. Only the “Confirmé” column of the warnings is read.",
  },
  lastSync: { fr: "Dernière synchronisation réussie", en: "Last successful sync" },
  never: { fr: "aucune", en: "none" },
  problems: { fr: "Problèmes trouvés", en: "Problems found" },
  warningsCount: { fr: "Alertes de vraisemblance", en: "Plausibility warnings" },
  loadsTitle: { fr: "Ce qui a été lu", en: "What was read" },
  loadsHeader: {
    fr: ["Onglet", "Lignes lues", "Chargées", "Ajoutées", "Modifiées", "Supprimées", "Rejetées", "État"],
    en: ["Tab", "Rows read", "Loaded", "Added", "Changed", "Removed", "Rejected", "Status"],
  },
  missingTab: { fr: "Onglet absent", en: "Tab missing" },
  standingTitle: { fr: "Situation du pays", en: "Country standing" },
  standingNone: {
    fr: "Les indicateurs n'ont pas encore été calculés : la situation du pays paraîtra après le prochain calcul.",
    en: "The indicators have not been computed yet: the country's standing will show after the next build.",
  },
  overall: { fr: "Situation d'ensemble", en: "Overall" },
  figuresHeader: { fr: ["Indicateur", "Valeur", "Cible à ce stade", "Situation"], en: ["Indicator", "Value", "Target by now", "Standing"] },
  flagsTitle: { fr: "Constats en cours", en: "Open flags" },
  flagsHeader: { fr: ["Identifiant", "Constat", "Éléments concernés", "Action recommandée"], en: ["Id", "Finding", "Items involved", "Recommended action"] },
  noFlag: { fr: "Aucun constat en cours.", en: "No open flag." },
  warningsTitle: { fr: "Alertes de vraisemblance", en: "Plausibility warnings" },
  warningsNote: {
    fr: "valeurs inhabituelles, chargées quand même. Corrigez-les, ou écrivez Oui dans « Confirmé » si elles sont justes.",
    en: "unusual values, loaded all the same. Correct them, or type Oui (Yes) in “Confirmé” if they are right.",
  },
  noWarning: { fr: "Aucune alerte.", en: "No warning." },
  fixTitle: { fr: "Cellules à corriger", en: "Cells to fix" },
  noProblem: { fr: "Aucun problème trouvé.", en: "No problem found." },
} as const;

/** Headers of the warnings: the first and the last are read back (identifiant, Confirmé). */
export const WARNINGS_HEADER: Record<Lang, string[]> = {
  fr: ["Identifiant de l'alerte", "Cellule", "Alerte", "À faire", "Confirmé"],
  en: ["Warning id", "Cell", "Warning", "To do", "Confirmé"],
};
export const CONTROLS_HEADER: Record<Lang, string[]> = {
  fr: ["Cellule", "Colonne", "Valeur", "Problème", "À faire"],
  en: ["Cell", "Column", "Value", "Problem", "To do"],
};
export const NO_PROBLEM = T.noProblem;

const count = (lang: Lang, title: string, n: number) => `${title} (${formatNumber(lang, n)})`;

/** The whole content of the Contrôles tab, as rows of text. Pure. */
export function controlsRows(report: ControlsReport): string[][] {
  const { lang } = report;
  const n = (value: number) => formatNumber(lang, value);
  const rows: string[][] = [
    [T.title[lang], T.note[lang]],
    [T.lastSync[lang], report.lastSync ? formatDateTime(report.lastSync, lang) : T.never[lang]],
    [T.problems[lang], String(report.issues.length)],
    [T.warningsCount[lang], String(report.warnings.length)],
    [],
    [`${T.loadsTitle[lang]} — ${report.place}`],
    [...T.loadsHeader[lang]],
  ];
  for (const tab of report.tabs) {
    if (tab.status === "missing") {
      rows.push([tab.title, "", "", "", "", "", "", T.missingTab[lang]]);
      continue;
    }
    rows.push([tab.title, n(tab.read), n(tab.loaded), n(tab.added), n(tab.changed), n(tab.removed), n(tab.rejected), label(lang, "load_status", tab.status)]);
  }

  if (report.standing !== undefined) {
    rows.push([]);
    const standing = report.standing;
    if (standing === null) {
      rows.push([T.standingTitle[lang]], ["", T.standingNone[lang]]);
    } else {
      const month = formatMonth(lang, `${standing.month}-01`, "long");
      const compared = standing.figures.filter((f) => f.target_status !== null);
      const onTrack = compared.filter((f) => f.target_status === "on_track").length;
      const tally = lang === "fr" ? `${n(onTrack)} indicateur(s) en bonne voie sur ${n(compared.length)}` : `${n(onTrack)} of ${n(compared.length)} indicators on track`;
      rows.push(
        [`${T.standingTitle[lang]} — ${lang === "fr" ? `fin ${month}` : `end of ${month}`}`],
        [T.overall[lang], `${label(lang, "target_status", standing.standing)} (${tally})`],
        [...T.figuresHeader[lang]],
      );
      for (const f of standing.figures) {
        rows.push([f.label[lang], formatValue(lang, f.value, f.unit), formatValue(lang, f.target, f.unit), label(lang, "target_status", f.target_status ?? "no_data")]);
      }
      rows.push([], [count(lang, T.flagsTitle[lang], standing.flags.length)], [...T.flagsHeader[lang]]);
      if (standing.flags.length === 0) rows.push(["", T.noFlag[lang]]);
      for (const flag of standing.flags) rows.push([flag.flag_id, flag.message[lang], flag.ids.join(", "), flag.action[lang]]);
    }
  }

  rows.push([], [`${count(lang, T.warningsTitle[lang], report.warnings.length)}${lang === "fr" ? " : " : ": "}${T.warningsNote[lang]}`], [...WARNINGS_HEADER[lang]]);
  if (report.warnings.length === 0) rows.push(["", "", T.noWarning[lang]]);
  for (const w of report.warnings) {
    const { problem, fix } = splitReason(lang === "fr" ? w.message_fr : w.message_en, lang);
    rows.push([w.warning_id, w.location, problem, fix, ""]);
  }
  if (report.confirmed > 0) {
    rows.push(["", "", lang === "fr" ? `${n(report.confirmed)} alerte(s) confirmée(s) par l'équipe ne sont plus affichées.` : `${n(report.confirmed)} warning(s) confirmed by the team are no longer shown.`]);
  }

  rows.push([], [count(lang, T.fixTitle[lang], report.issues.length)], [...CONTROLS_HEADER[lang]]);
  if (report.issues.length === 0) rows.push(["", "", "", T.noProblem[lang], ""]);
  for (const issue of [...report.issues].sort(byCell)) rows.push([issue.cell, issue.column, issue.value, issue.problem[lang], issue.fix[lang]]);
  return rows;
}

/**
 * The warnings a team confirmed in the Contrôles tab as it was: the ids under the warnings'
 * header whose « Confirmé » cell says yes (Oui, x, ✓…). Pure.
 */
export function confirmedWarnings(grid: Cell[][]): string[] {
  const isHeader = (row: Cell[] | undefined) =>
    (["fr", "en"] as const).some((lang) => normaliseLabel(String(row?.[0] ?? "")) === normaliseLabel(WARNINGS_HEADER[lang][0]!))
    && normaliseLabel(String(row?.[4] ?? "")) === normaliseLabel("Confirmé");
  const start = grid.findIndex((row) => isHeader(row));
  if (start < 0) return [];
  const ids: string[] = [];
  for (const row of grid.slice(start + 1)) {
    const id = String(row?.[0] ?? "").trim();
    if (id === "") break;
    const confirmed = parseBool(row?.[4] ?? "");
    if (confirmed.ok && confirmed.value) ids.push(id);
  }
  return ids;
}

/** 28/11/2026 10:05 UTC, in the sheet's language. */
export function formatDateTime(date: Date, lang: Lang = "fr"): string {
  return `${formatTimestamp(lang, date, { seconds: false })} UTC`;
}

/** Tab, then row, then column, as a person reads the sheet. */
function byCell(a: ControlIssue, b: ControlIssue): number {
  const pa = splitCell(a.cell);
  const pb = splitCell(b.cell);
  return pa.tab.localeCompare(pb.tab) || pa.row - pb.row || pa.col - pb.col;
}

function splitCell(cell: string): { tab: string; row: number; col: number } {
  const m = /^(.*)!([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return { tab: cell, row: 0, col: 0 };
  const col = [...m[2]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { tab: m[1]!, row: Number(m[3]), col: col === -1 ? 0 : col };
}
