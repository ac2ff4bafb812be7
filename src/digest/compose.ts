import type { Lang } from "../core/lang.ts";
import type { MonthFlag } from "../coordinator/flags.ts";
import type { CountryReport, MonthReport } from "../coordinator/report.ts";
import { capital, monthName, standingName } from "../coordinator/words.ts";
import { plural, sentenceOf } from "../note/compose.ts";
import { splitReason } from "../sources/sheets/parse-tab.ts";

export interface Digest {
  country_code: string;
  lang: Lang;
  subject: string;
  text: string;
  html: string;
}

/** How many open rejects a digest lists cell by cell; the rest are counted. */
export const REJECTS_SHOWN = 5;

/**
 * One country's digest for the month, short enough for a phone: its standing, new and resolved
 * flags, the cells to fix in its sheet and files, and a link to its page. Pure.
 */
export function composeDigest(report: MonthReport, country: CountryReport, lang: Lang, siteUrl?: string): Digest {
  const t = (fr: string, en: string) => (lang === "fr" ? fr : en);
  const sep = t(" : ", ": ");
  const quoted = (value: string) => t(`« ${value} »`, `“${value}”`);
  const name = lang === "fr" ? country.name_fr : country.name_en;
  const month = lang === "fr" ? monthName(report.month, lang) : capital(monthName(report.month, lang));
  const fresh = country.flags.filter((f) => f.change === "new");
  const resolved = country.flags.filter((f) => f.change === "resolved");
  const ongoing = country.flags.filter((f) => f.change === "ongoing").length;
  const compared = country.figures.filter((f) => f.target_status !== null);
  const onTrack = compared.filter((f) => f.target_status === "on_track").length;
  const link = siteUrl ? `${siteUrl.replace(/\/+$/, "")}/${lang}/pays/${country.code}` : null;

  const sections: { title: string; lines: string[] }[] = [];
  const standing = compared.length === 0
    ? t("aucun indicateur comparé à une cible ce mois-ci.", "no indicator compared with a target this month.")
    : t(`${standingName(country.standing, "fr")} (${plural(onTrack, "indicateur", "indicateurs")} en bonne voie sur ${compared.length}).`, `${standingName(country.standing, "en")} (${onTrack} of ${compared.length} indicators on track).`);
  const intro = `${t("Situation", "Standing")}${sep}${standing}`;
  const flagLine = (f: MonthFlag) => `${sentenceOf(f, lang)} [${f.flag_id}]`;
  if (fresh.length > 0) sections.push({ title: t(`Nouveaux constats (${fresh.length})`, `New flags (${fresh.length})`), lines: fresh.map(flagLine) });
  if (resolved.length > 0) sections.push({ title: t(`Constats résolus (${resolved.length})`, `Resolved flags (${resolved.length})`), lines: resolved.map(flagLine) });
  const rejects = country.openRejects;
  sections.push({
    title: t(`À corriger dans vos feuilles et fichiers (${rejects.length})`, `To fix in your sheets and files (${rejects.length})`),
    lines: rejects.length === 0
      ? [t("Rien à corriger.", "Nothing to fix.")]
      : [
        ...rejects.slice(0, REJECTS_SHOWN).map((r) => `${r.location}${r.value ? ` (${quoted(r.value)})` : ""}${sep}${lang === "fr" ? r.reason_fr : r.reason_en}`),
        ...(rejects.length > REJECTS_SHOWN ? [t(`… et ${plural(rejects.length - REJECTS_SHOWN, "autre", "autres")} : voir l'onglet Contrôles.`, `… and ${rejects.length - REJECTS_SHOWN} more: see the Contrôles tab.`)] : []),
      ],
  });
  const warnings = country.openWarnings;
  if (warnings.length > 0) {
    sections.push({
      title: t(`Valeurs inhabituelles à vérifier (${warnings.length})`, `Unusual values to check (${warnings.length})`),
      lines: [
        ...warnings.slice(0, REJECTS_SHOWN).map((w) => `${w.location}${sep}${splitReason(lang === "fr" ? w.message_fr : w.message_en, lang).problem}`),
        t("Corrigez-les, ou confirmez-les dans la colonne « Confirmé » de l'onglet Contrôles si elles sont justes.", "Correct them, or confirm them in the “Confirmé” column of the Contrôles tab if they are right."),
      ],
    });
  }
  const footer = [
    ongoing > 0 ? t(`${plural(ongoing, "autre constat toujours ouvert", "autres constats toujours ouverts")}.`, `${plural(ongoing, "other flag", "other flags")} still open.`) : "",
    link ? t(`Page du pays : ${link}`, `Country page: ${link}`) : "",
    t(`Vous recevez ce message comme point focal d'ImaginEcole (${name}).`, `You receive this message as ImaginEcole focal point (${name}).`),
  ].filter((line) => line !== "");

  const subjectParts = [
    standingName(country.standing, lang),
    fresh.length > 0 ? t(plural(fresh.length, "nouveau constat", "nouveaux constats"), plural(fresh.length, "new flag", "new flags")) : "",
    resolved.length > 0 ? t(plural(resolved.length, "résolu", "résolus"), `${resolved.length} resolved`) : "",
  ].filter((p) => p !== "");
  const title = `ImaginEcole — ${name}, ${month}`;
  const text = [
    title, "", intro, "",
    ...sections.flatMap((s) => [s.title, ...s.lines.map((l) => `- ${l}`), ""]),
    ...footer, "",
  ].join("\n");
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const html = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(title)}</title></head>`,
    `<body style="font-family:Arial,sans-serif;font-size:15px;line-height:1.45;color:#1a1a1a;max-width:600px;margin:0 auto;padding:12px">`,
    `<h1 style="font-size:18px;color:#0b5394;margin:0 0 8px">${esc(title)}</h1>`,
    `<p><strong>${esc(intro)}</strong></p>`,
    ...sections.map((s) => `<h2 style="font-size:15px;color:#0b5394;margin:14px 0 4px">${esc(s.title)}</h2><ul style="padding-left:18px;margin:0">${s.lines.map((l) => `<li style="margin-bottom:4px">${esc(l)}</li>`).join("")}</ul>`),
    ...footer.map((line) =>
      link && line.endsWith(link)
        ? `<p><a href="${esc(link)}" style="color:#0b5394">${esc(line.slice(0, line.length - link.length).replace(/[ :]+$/, ""))}</a></p>`
        : `<p style="color:#555;font-size:13px">${esc(line)}</p>`),
    "</body></html>",
    "",
  ].join("\n");
  return { country_code: country.code, lang, subject: `${title}${sep}${subjectParts.join(", ")}`, text, html };
}
