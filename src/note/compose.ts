import type { Lang } from "../core/lang.ts";
import type { MonthFlag } from "../coordinator/flags.ts";
import type { CountryReport, MonthComment, MonthReport, Standing } from "../coordinator/report.ts";
import {
  capital, CHANGE, formatValue, monthName, roleName, severityName, shareOfTarget, sourceName, standingName,
} from "../coordinator/words.ts";
import { formatDate, formatPercent } from "../core/format.ts";
import type { Block, NoteDocument } from "./document.ts";

const STANDINGS: Standing[] = ["on_track", "at_risk", "off_track", "no_target"];
const CHANGES = ["new", "ongoing", "resolved"] as const;

/**
 * The coordinator's monthly note, built from the month's figures, flags and comments only:
 * same report, same text. Pure.
 */
export function composeNote(report: MonthReport, lang: Lang): NoteDocument {
  const t = (fr: string, en: string) => (lang === "fr" ? fr : en);
  const month = monthName(report.month, lang);
  const blocks: Block[] = [
    ...summary(report, lang),
    ...report.countries.flatMap((c) => countrySection(c, report, lang)),
    ...definitions(report, lang),
    { kind: "heading", level: 1, text: t("Citer cette note", "How to cite this note") },
    { kind: "paragraph", text: citation(report, lang) },
  ];
  return {
    lang,
    title: t(`Note mensuelle de la coordination régionale — ${month}`, `Regional coordination monthly note — ${capital(month)}`),
    subtitle: t(
      `ImaginEcole, formation à distance en Afrique de l'Ouest et du Centre · données arrêtées au ${formatDate(lang, report.builtOn)}`,
      `ImaginEcole, distance learning in West and Central Africa · data as of ${formatDate(lang, report.builtOn)}`,
    ),
    blocks,
    footer: t(`ImaginEcole · note mensuelle · ${month}`, `ImaginEcole · monthly note · ${capital(month)}`),
  };
}

function summary(report: MonthReport, lang: Lang): Block[] {
  const t = (fr: string, en: string) => (lang === "fr" ? fr : en);
  const count = (s: Standing) => report.countries.filter((c) => c.standing === s).length;
  // On track first, always said; the others when some country is in them.
  const parts = STANDINGS.filter((s) => s === "on_track" || count(s) > 0).map((s) => `${count(s)} ${standingName(s, lang)}`);
  const flags = report.countries.flatMap((c) => c.flags);
  const n = (change: MonthFlag["change"]) => flags.filter((f) => f.change === change).length;
  const since = report.previousMonth ? monthName(report.previousMonth, lang) : null;
  const moved = report.countries.filter((c) => c.previousStanding !== null && c.previousStanding !== c.standing);
  const open = n("new") + n("ongoing");
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: t("Synthèse", "Summary") },
    {
      kind: "paragraph",
      emphasis: true,
      text: t(
        `Sur ${report.countries.length} pays suivis : ${count("on_track")} en bonne voie sur toutes leurs cibles${parts.length > 1 ? `, ${parts.slice(1).join(", ")}` : ""}.`,
        `Of ${report.countries.length} countries followed: ${count("on_track")} on track on all their targets${parts.length > 1 ? `, ${parts.slice(1).join(", ")}` : ""}.`,
      ),
    },
    {
      kind: "paragraph",
      text: since
        ? t(
          `Depuis ${since} : ${plural(n("new"), "nouveau constat", "nouveaux constats")}, ${plural(n("resolved"), "résolu", "résolus")}, ${plural(n("ongoing"), "toujours ouvert", "toujours ouverts")}.`,
          `Since ${capital(since)}: ${plural(n("new"), "new flag", "new flags")}, ${n("resolved")} resolved, ${n("ongoing")} still open.`,
        )
        : t(
          `${plural(open, "constat ouvert", "constats ouverts")} ; le mois précédent n'a pas été décrit, les changements ne peuvent pas être mesurés.`,
          `${plural(open, "open flag", "open flags")}; the month before was not described, so changes cannot be measured.`,
        ),
    },
  ];
  if (since) {
    blocks.push({
      kind: "paragraph",
      text: moved.length === 0
        ? t("Aucun pays n'a changé de situation.", "No country changed standing.")
        : t("Changements de situation : ", "Changes of standing: ") +
          moved.map((c) => `${name(c, lang)} (${standingName(c.previousStanding!, lang)} → ${standingName(c.standing, lang)})`).join(", ") + ".",
    });
  }
  blocks.push({
    kind: "table",
    header: [t("Pays", "Country"), t("Situation", "Standing"), t("Nouveaux", "New"), t("En cours", "Ongoing"), t("Résolus", "Resolved")],
    rows: report.countries.map((c) => [
      name(c, lang),
      capital(standingName(c.standing, lang)),
      ...CHANGES.map((change) => String(c.flags.filter((f) => f.change === change).length)),
    ]),
    numeric: [false, false, true, true, true],
  });
  if (report.regionalComments.length > 0) {
    blocks.push(
      { kind: "heading", level: 2, text: t("Le mot de la coordination", "From the regional coordination") },
      { kind: "bullets", items: report.regionalComments.map((c) => commentLine(c, lang)) },
    );
  }
  return blocks;
}

function countrySection(c: CountryReport, report: MonthReport, lang: Lang): Block[] {
  const t = (fr: string, en: string) => (lang === "fr" ? fr : en);
  const month = monthName(report.month, lang);
  const was = c.previousStanding !== null && c.previousStanding !== c.standing
    ? t(` (${standingName(c.previousStanding, lang)} le mois précédent)`, ` (${standingName(c.previousStanding, lang)} the month before)`)
    : "";
  const blocks: Block[] = [
    { kind: "pageBreak" },
    { kind: "heading", level: 1, text: name(c, lang) },
    { kind: "paragraph", emphasis: true, text: t(`Situation : ${standingName(c.standing, lang)}${was}.`, `Standing: ${standingName(c.standing, lang)}${was}.`) },
    { kind: "heading", level: 2, text: t("Chiffres clés et cibles", "Key figures against target") },
  ];
  if (c.figures.length === 0) {
    blocks.push({ kind: "paragraph", text: t("Aucun indicateur n'a de valeur ce mois-ci.", "No indicator has a value this month.") });
  } else {
    blocks.push({
      kind: "table",
      header: [
        t("Indicateur", "Indicator"), t(`Fin ${month}`, `End of ${capital(month)}`), t("Cible à ce stade", "Target by now"),
        t("Part de la cible", "Share of target"), t("Situation", "Standing"), t("Prochaine étape", "Next milestone"),
      ],
      rows: c.figures.map((f) => [
        lang === "fr" ? f.label_fr : f.label_en,
        formatValue(f.value, f.unit, lang),
        f.target === null ? "—" : formatValue(f.target, f.unit, lang),
        shareOfTarget(f, lang),
        f.target_status ? capital(standingName(f.target_status, lang)) : "—",
        f.final_target === null || f.deadline === null ? "—" : t(`${formatValue(f.final_target, f.unit, lang)} au ${formatDate(lang, f.deadline)}`, `${formatValue(f.final_target, f.unit, lang)} by ${formatDate(lang, f.deadline)}`),
      ]),
      numeric: [false, true, true, true, false, false],
    });
  }
  blocks.push({ kind: "heading", level: 2, text: t("Constats", "Flags") });
  if (c.flags.length === 0) blocks.push({ kind: "paragraph", text: t("Aucun constat ce mois-ci.", "No flag this month.") });
  for (const change of CHANGES) {
    const flags = c.flags.filter((f) => f.change === change);
    if (flags.length === 0) continue;
    blocks.push({ kind: "heading", level: 3, text: `${CHANGE[change][lang]} (${flags.length})` }, { kind: "bullets", items: flags.map((f) => flagLine(f, report, lang)) });
  }
  blocks.push({ kind: "heading", level: 2, text: t("Commentaires", "Comments") });
  blocks.push(c.comments.length === 0
    ? { kind: "paragraph", text: t("Aucun commentaire saisi pour ce mois.", "No comment entered for this month.") }
    : { kind: "bullets", items: c.comments.map((m) => commentLine(m, lang)) });
  blocks.push({ kind: "heading", level: 2, text: t("Qualité et ponctualité des données", "Data quality and timeliness") }, { kind: "bullets", items: qualityLines(c, lang) });
  return blocks;
}

/** "[élevée] <sentence> Depuis le 01/09/2026. Action recommandée : … (ML/stale_data/sheet)" */
export function flagLine(f: MonthFlag, report: MonthReport, lang: Lang): string {
  const t = (fr: string, en: string) => (lang === "fr" ? fr : en);
  const sentence = sentenceOf(f, lang);
  const severity = severityName(f.severity, lang);
  if (f.change === "resolved") {
    return t(
      `${sentence} — résolu en ${monthName(report.month, lang)} (${f.first_month === f.last_month ? `constaté en ${monthName(f.first_month, lang)}` : `constaté ${de(monthName(f.first_month, lang))} à ${monthName(f.last_month, lang)}`}). [${f.flag_id}]`,
      `${sentence} — resolved in ${capital(monthName(report.month, lang))} (${f.first_month === f.last_month ? `found in ${capital(monthName(f.first_month, lang))}` : `found from ${capital(monthName(f.first_month, lang))} to ${capital(monthName(f.last_month, lang))}`}). [${f.flag_id}]`,
    );
  }
  const action = report.definitions.find((d) => d.kind === "rule" && d.id === f.rule_id);
  return t(
    `Sévérité ${severity} : ${sentence} Depuis le ${formatDate(lang, f.since)}.${action ? ` Action recommandée : ${action.text_fr}` : ""} [${f.flag_id}]`,
    `Severity ${severity}: ${sentence} Since ${formatDate(lang, f.since)}.${action ? ` Recommended action: ${action.text_en}` : ""} [${f.flag_id}]`,
  );
}

/** The flag's sentence without the country name that opens it (the section already names it). */
export function sentenceOf(f: Pick<MonthFlag, "message_fr" | "message_en">, lang: Lang): string {
  const text = lang === "fr" ? f.message_fr : f.message_en;
  const at = text.indexOf(lang === "fr" ? " : " : ": ");
  return capital(at < 0 ? text : text.slice(at + (lang === "fr" ? 3 : 2)));
}

export function commentLine(c: MonthComment, lang: Lang): string {
  const about = c.subject_kind === "general" ? null
    : c.subject_kind === "flag" ? `${(lang === "fr" ? c.subject_fr : c.subject_en) ?? ""} [${c.subject_id}]`.trim()
    : (lang === "fr" ? c.subject_fr : c.subject_en) ?? c.subject_id;
  const quote = lang === "fr" ? `« ${c.comment} »` : `“${c.comment}”`;
  const sep = lang === "fr" ? " : " : ": ";
  return `${about ? about + sep : ""}${quote} — ${roleName(c.author_role, lang)}`;
}

function qualityLines(c: CountryReport, lang: Lang): string[] {
  const t = (fr: string, en: string) => (lang === "fr" ? fr : en);
  const lines = c.reporting.filter((r) => r.expected).map((r) => {
    const what = sourceName(r.source, lang);
    if (r.received === null) return t(`${what} : pas encore mesurable (première synchronisation après ce mois).`, `${what}: not measurable yet (first synchronisation after this month).`);
    if (!r.received) return t(`${what} : non reçu (attendu au ${formatDate(lang, r.deadline)}).`, `${what}: not received (due by ${formatDate(lang, r.deadline)}).`);
    const when = r.received_on ? t(` le ${formatDate(lang, r.received_on)}`, ` on ${formatDate(lang, r.received_on)}`) : "";
    return r.on_time
      ? t(`${what} : reçu${when}, à temps (échéance ${formatDate(lang, r.deadline)}).`, `${what}: received${when}, on time (due by ${formatDate(lang, r.deadline)}).`)
      : t(`${what} : reçu${when}, en retard (échéance ${formatDate(lang, r.deadline)}).`, `${what}: received${when}, late (due by ${formatDate(lang, r.deadline)}).`);
  });
  const approved = c.figures.length > 0 && c.figures.every((f) => f.status === "approved");
  if (c.figures.length > 0) {
    lines.push(approved
      ? t("Chiffres du mois validés par le pays dans sa feuille.", "The month's figures were approved by the country in its sheet.")
      : t("Chiffres provisoires : le mois n'est pas validé dans la feuille pays.", "Provisional figures: the month is not approved in the country sheet."));
  }
  const cells = c.openRejects.slice(0, 5).map((r) => r.location).join(", ");
  lines.push(c.openRejects.length === 0
    ? t("Aucune cellule ni ligne à corriger.", "No cell or row to fix.")
    : t(`${plural(c.openRejects.length, "cellule ou ligne", "cellules ou lignes")} à corriger : ${cells}${c.openRejects.length > 5 ? "…" : ""}.`, `${plural(c.openRejects.length, "cell or row", "cells or rows")} to fix: ${cells}${c.openRejects.length > 5 ? "…" : ""}.`));
  return lines;
}

function definitions(report: MonthReport, lang: Lang): Block[] {
  const t = (fr: string, en: string) => (lang === "fr" ? fr : en);
  const indicators = report.definitions.filter((d) => d.kind === "indicator");
  const rules = report.definitions.filter((d) => d.kind === "rule");
  const on = formatPercent(lang, report.thresholds.onTrack);
  const risk = formatPercent(lang, report.thresholds.atRisk);
  return [
    { kind: "pageBreak" },
    { kind: "heading", level: 1, text: t("Définitions", "Definitions") },
    {
      kind: "paragraph",
      text: t(
        `Un indicateur est en bonne voie quand sa valeur atteint au moins ${on} de la cible au prorata de la phase, à risque à partir de ${risk}, en retard en dessous. Un pays est en bonne voie quand tous ses indicateurs comparés à une cible le sont. Un constat est nouveau quand la condition a commencé ce mois-ci, résolu quand elle ne tient plus.`,
        `An indicator is on track when its value reaches at least ${on} of the target pro rata of the phase, at risk from ${risk}, off track below. A country is on track when all its indicators compared with a target are. A flag is new when its condition started that month, resolved when it no longer holds.`,
      ),
    },
    {
      kind: "table",
      header: [t("Indicateur", "Indicator"), t("Définition", "Definition")],
      rows: indicators.map((d) => (lang === "fr" ? [d.label_fr, d.text_fr] : [d.label_en, d.text_en])),
    },
    {
      kind: "table",
      header: [t("Constat", "Flag"), t("Action recommandée", "Recommended action")],
      rows: rules.map((d) => (lang === "fr" ? [d.label_fr, d.text_fr] : [d.label_en, d.text_en])),
    },
  ];
}

function citation(report: MonthReport, lang: Lang): string {
  const month = monthName(report.month, lang);
  return lang === "fr"
    ? `ImaginEcole (${report.month.slice(0, 4)}). Note mensuelle de la coordination régionale, ${month}. UNESCO Dakar et partenaires. Données de l'entrepôt ImaginEcole arrêtées au ${formatDate(lang, report.builtOn)} ; chiffres provisoires tant que le pays n'a pas validé le mois.`
    : `ImaginEcole (${report.month.slice(0, 4)}). Regional coordination monthly note, ${capital(month)}. UNESCO Dakar and partners. Data from the ImaginEcole warehouse as of ${formatDate(lang, report.builtOn)}; figures are provisional until the country approves the month.`;
}

/** "de mars", "d'octobre". */
function de(word: string): string {
  return /^[aeiouyh]/i.test(word) ? `d'${word}` : `de ${word}`;
}

/** "1 constat", "3 constats": French and English both put the plural from 2. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n >= 2 ? many : one}`;
}

function name(c: Pick<CountryReport, "name_fr" | "name_en">, lang: Lang): string {
  return lang === "fr" ? c.name_fr : c.name_en;
}
