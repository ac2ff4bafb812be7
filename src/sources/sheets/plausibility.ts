import { formatDate, formatMonth, formatNumber, formatPercent } from "../../core/format.ts";
import type { Lang } from "../../core/lang.ts";
import { inBoth, type Bilingual } from "../../core/message.ts";
import { cellRef } from "./cells.ts";
import type { TabContract } from "./contracts.ts";
import { contentHash } from "./grid.ts";
import { reason, type TabRecord } from "./parse-tab.ts";
import type { PlausibilityRules } from "./plausibility-config.ts";

/** An unlikely value: loaded all the same, shown to the team until corrected or confirmed. */
export interface PlausibilityWarning {
  /** Stable across runs: the country, the rule and the row's id (or the month). */
  warning_id: string;
  row_number: number | null;
  location: string;
  rule_id: keyof PlausibilityRules;
  evidence: Record<string, string | number>;
  /** Of the rule and its values: a confirmation holds while they stay the same. */
  fingerprint: string;
  /** Problem, then " À faire : " / " To do: " and what to do, as rejects store it. */
  message: Bilingual;
}

/** The valid rows of one tab, where they sit in the sheet. */
export interface CheckedTab {
  /** ISO2, or `regional`. */
  scope: string;
  contract: TabContract;
  title: string;
  records: TabRecord[];
  /** Sheet row of each record (headers = row 1). */
  rowNumbers: number[];
  /** Column index of each warehouse key in the tab as received. */
  columns: ReadonlyMap<string, number>;
}

const CONFIRM: Bilingual = {
  fr: "vérifiez la ligne ; si les valeurs sont justes, écrivez Oui dans la colonne « Confirmé » de cette alerte (onglet Contrôles) : elle ne sera plus signalée.",
  en: "check the row; if the values are right, type Oui (Yes) in the “Confirmé” column of this warning (Contrôles tab): it will no longer be raised.",
};

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);
const n = (lang: Lang, value: number) => formatNumber(lang, value);

/** Every warning the rules raise on one tab's valid rows. Pure: same rows, rules and day, same warnings. */
export function plausibilityWarnings(tab: CheckedTab, rules: PlausibilityRules, today: string): PlausibilityWarning[] {
  const warnings: PlausibilityWarning[] = [];
  const idKey = tab.contract.columns[0]!.key;
  const warn = (rule: keyof PlausibilityRules, key: string, row: number | null, column: string | null, evidence: Record<string, string | number>, problem: Bilingual) => {
    const at = column === null || row === null ? undefined : tab.columns.get(column);
    warnings.push({
      warning_id: `${tab.scope.toUpperCase()}/${rule}/${key}`,
      row_number: row,
      location: at === undefined || row === null ? tab.title : cellRef(tab.title, at, row),
      rule_id: rule,
      evidence,
      fingerprint: contentHash({ rule, evidence }).slice(0, 16),
      message: reason(problem, CONFIRM),
    });
  };

  if (tab.contract.key === "sessions") {
    tab.records.forEach((r, i) => {
      const row = tab.rowNumbers[i] ?? null;
      const id = String(r[idKey]);
      const f = Number(r.teachers_trained_f ?? 0);
      const m = Number(r.teachers_trained_m ?? 0);
      const total = f + m;
      const session = inBoth((lang) => (lang === "fr" ? `Session « ${id} »` : `Session “${id}”`));
      const perSession = rules.participants_per_session;
      if (perSession && total > perSession.max) {
        warn("participants_per_session", id, row, "teachers_trained_f", { total, max: perSession.max }, inBoth((lang) => lang === "fr"
          ? `${session.fr} : ${n(lang, total)} enseignants formés (F + H) en une session, au-delà des ${n(lang, perSession.max)} habituels au plus.`
          : `${session.en}: ${n(lang, total)} teachers trained (F + M) in one session, more than the usual ${n(lang, perSession.max)} at most.`));
      }
      const perDay = rules.participants_per_day;
      const start = r.start_date;
      const end = r.end_date;
      if (perDay && typeof start === "string" && typeof end === "string" && end >= start) {
        const span = days(start, end) + 1;
        const daily = Math.round(total / span);
        if (total / span > perDay.max) {
          warn("participants_per_day", id, row, "teachers_trained_f", { total, days: span, per_day: daily, max: perDay.max }, inBoth((lang) => lang === "fr"
            ? `${session.fr} : ${n(lang, total)} enseignants formés en ${n(lang, span)} jour${span > 1 ? "s" : ""}, soit ${n(lang, daily)} par jour (${n(lang, perDay.max)} par jour au plus d'habitude).`
            : `${session.en}: ${n(lang, total)} teachers trained in ${n(lang, span)} day${span > 1 ? "s" : ""}, ${n(lang, daily)} a day (usually ${n(lang, perDay.max)} a day at most).`));
        }
      }
      const stated = r.teachers_trained_total;
      if (rules.sex_sum && typeof stated === "number" && stated !== total) {
        warn("sex_sum", id, row, "teachers_trained_total", { women: f, men: m, total: stated }, inBoth((lang) => lang === "fr"
          ? `${session.fr} : ${n(lang, f)} femmes + ${n(lang, m)} hommes = ${n(lang, total)}, mais le total indiqué est ${n(lang, stated)}.`
          : `${session.en}: ${n(lang, f)} women + ${n(lang, m)} men = ${n(lang, total)}, but the stated total is ${n(lang, stated)}.`));
      }
    });
    const jump = rules.monthly_jump;
    if (jump) {
      const byMonth = new Map<string, number>();
      for (const r of tab.records) {
        if (typeof r.start_date !== "string") continue;
        const month = r.start_date.slice(0, 7);
        byMonth.set(month, (byMonth.get(month) ?? 0) + Number(r.teachers_trained_f ?? 0) + Number(r.teachers_trained_m ?? 0));
      }
      let before = 0;
      for (const month of [...byMonth.keys()].sort()) {
        const added = byMonth.get(month)!;
        const after = before + added;
        if (before >= jump.minBase && added >= jump.minAdded && added / before > jump.maxRise) {
          const rise = Math.round((added / before) * 1000) / 1000;
          const day = `${month}-01`;
          warn("monthly_jump", month, null, null, { month, before, after, rise, max_rise: jump.maxRise }, inBoth((lang) => lang === "fr"
            ? `Enseignants formés : ${n(lang, before)} avant ${formatMonth(lang, day, "long")}, ${n(lang, after)} à sa fin (+${formatPercent(lang, rise)}), une hausse de plus de ${formatPercent(lang, jump.maxRise)} en un mois.`
            : `Teachers trained: ${n(lang, before)} before ${formatMonth(lang, day, "long")}, ${n(lang, after)} by its end (+${formatPercent(lang, rise)}), a rise of more than ${formatPercent(lang, jump.maxRise)} in one month.`));
        }
        before = after;
      }
    }
  }

  const ahead = rules.date_far_ahead;
  // Activities only: a target's deadline is the phase's end, far ahead by design.
  const dateKey = tab.contract.key === "activities" ? "due_date" : null;
  if (ahead && dateKey) {
    tab.records.forEach((r, i) => {
      const date = r[dateKey];
      if (typeof date !== "string" || days(today, date) <= ahead.maxDays) return;
      const row = tab.rowNumbers[i] ?? null;
      const key = String(r[idKey]);
      const header = tab.contract.columns.find((c) => c.key === dateKey)!.header;
      warn("date_far_ahead", key, row, dateKey, { date, days_ahead: days(today, date), max_days: ahead.maxDays }, inBoth((lang) => lang === "fr"
        ? `« ${header} » au ${formatDate(lang, date)} : ${n(lang, days(today, date))} jours après aujourd'hui (plus de ${n(lang, ahead.maxDays)}).`
        : `“${header}” on ${formatDate(lang, date)}: ${n(lang, days(today, date))} days from today (more than ${n(lang, ahead.maxDays)}).`));
    });
  }
  return warnings;
}
