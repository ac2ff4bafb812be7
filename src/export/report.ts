// The donor report: one HTML page composed from the snapshot's own tables (never from the live
// dashboard), printed to PDF by pdf.ts. Cover, key figures for all countries, a table per country,
// the definitions and the citation. Pure: the same tables give the same page.
import { formatDate, formatPeriod, formatValue, MISSING } from "../core/format.ts";
import { label } from "../core/labels.ts";
import type { Lang } from "../core/lang.ts";
import { say } from "../core/message.ts";
import type { Row } from "./build.ts";
import type { Citation } from "./citation.ts";
import { suppressedMark } from "./csv.ts";
import { SCOPE_RULE, type SnapshotScope } from "./scope.ts";

export interface ReportInput {
  lang: Lang;
  scope: SnapshotScope;
  citation: Citation;
  phase: { start: Date; end: Date } | null;
  suppressBelow: number;
  /** Rows of the figures table (the snapshot's period), of the definitions and of the quality table. */
  figures: Row[];
  definitions: Row[];
  quality: Row[];
}

const esc = (text: unknown) =>
  String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The words of the report that are not data. */
const WORDS = {
  title: { fr: "Indicateurs ImaginEcole", en: "ImaginEcole indicators" },
  subtitle: { fr: "Rapport aux partenaires de l'enseignement à distance", en: "Distance-learning report to partners" },
  period: { fr: "Période", en: "Period" },
  asOf: { fr: "Date d'arrêt", en: "As-of date" },
  produced: { fr: "Chiffres produits le", en: "Figures produced" },
  phase: { fr: "Phase du programme", en: "Programme phase" },
  countries: { fr: "Pays", en: "Countries" },
  keyFigures: { fr: "Chiffres clés, ensemble des pays", en: "Key figures, all countries" },
  byCountry: { fr: "Par pays", en: "By country" },
  definitions: { fr: "Définitions", en: "Definitions" },
  quality: { fr: "Qualité des données", en: "Data quality" },
  cite: { fr: "Citer ces chiffres", en: "Citing these figures" },
  indicator: { fr: "Indicateur", en: "Indicator" },
  value: { fr: "Période", en: "Period" },
  running: { fr: "Cumul phase", en: "Phase to date" },
  target: { fr: "Cible (trajectoire)", en: "Target (trajectory)" },
  phaseTarget: { fr: "Cible de la phase", en: "Phase target" },
  yearTarget: { fr: "Cible de l'année", en: "Annual target" },
  baseline: { fr: "Référence (année)", en: "Baseline (year)" },
  standing: { fr: "Situation", en: "Standing" },
  source: { fr: "Source", en: "Source" },
  received: { fr: "Mois reçus / attendus", en: "Months received / expected" },
  completeness: { fr: "Complétude", en: "Completeness" },
  timeliness: { fr: "Ponctualité", en: "Timeliness" },
  periodRule: { fr: "Valeur d'une période", en: "Value for a period" },
  sources: { fr: "Sources", en: "Sources" },
  byCountryNote: {
    fr: "Valeur de la période ; pour un indicateur suivi en cumul, le cumul depuis le début de la phase en dessous.",
    en: "Value for the period; for an indicator followed as a running total, the running total since the phase start below it.",
  },
  verify: {
    fr: "L'empreinte citée est content_sha256 dans manifest.json : le SHA-256 du fichier JSON de l'instantané sans son champ citation. Les mêmes données donnent les mêmes octets.",
    en: "The hash cited is content_sha256 in manifest.json: the SHA-256 of the snapshot's JSON file without its citation field. The same data give the same bytes.",
  },
} as const;

export function reportHtml(input: ReportInput): string {
  const { lang, scope } = input;
  const w = (key: keyof typeof WORDS) => say(lang, WORDS[key]);
  const colon = say(lang, { fr: " : ", en: ": " });
  const periodEnd = input.figures.find((r) => r.period_end instanceof Date)?.period_end as Date | undefined;
  const periodName = formatPeriod(lang, scope.period, periodEnd ?? null);
  const totals = input.figures.filter((r) => r.country_code === "ALL" && r.disaggregation === "");
  const countries = uniqueCountries(input.figures, lang);
  const keyIds = input.definitions.filter((d) => d.targeted === true || d.kind === "rate").map((d) => String(d.indicator_id));
  const labelOf = (id: string) => String(input.definitions.find((d) => d.indicator_id === id)?.[`label_${lang}`] ?? id);
  const cumulative = new Set(input.definitions.filter((d) => d.cumulative === true).map((d) => String(d.indicator_id)));

  const cover = `
  <section class="cover">
    <p class="brand">ImaginEcole</p>
    <h1>${esc(w("title"))}</h1>
    <p class="subtitle">${esc(w("subtitle"))}</p>
    <p class="period">${esc(periodName)}</p>
    <dl>
      <dt>${esc(w("asOf"))}</dt><dd>${esc(formatDate(lang, scope.asOf))}</dd>
      <dt>${esc(w("produced"))}</dt><dd>${esc(formatDate(lang, input.citation.produced))}</dd>
      <dt>${esc(w("phase"))}</dt><dd>${input.phase ? esc(`${formatDate(lang, input.phase.start)} – ${formatDate(lang, input.phase.end)}`) : MISSING}</dd>
      <dt>${esc(w("countries"))}</dt><dd>${countries.filter((c) => c.code !== "ALL").length}</dd>
    </dl>
    <p class="rule">${esc(say(lang, SCOPE_RULE))}</p>
    <p class="citation">${esc(input.citation.text[lang])}</p>
  </section>`;

  const cards = totals
    .filter((r) => input.definitions.some((d) => d.indicator_id === r.indicator_id && d.targeted === true))
    .map((r) => {
      // Progress towards the phase target, for the running totals it is set on.
      const goal = cumulative.has(String(r.indicator_id)) && typeof r.phase_target === "number" ? r.phase_target : null;
      const share = typeof r.running_total === "number" && goal ? Math.max(0, Math.min(1, r.running_total / goal)) : null;
      return `
      <div class="card">
        <p class="card-label">${esc(labelOf(String(r.indicator_id)))}</p>
        <p class="card-value">${esc(number(lang, r, "value", input.suppressBelow))}</p>
        <p class="card-note">${esc(w("running"))}${colon}${esc(number(lang, r, "running_total", input.suppressBelow))}${goal !== null ? ` · ${esc(w("phaseTarget"))}${colon}${esc(formatValue(lang, goal, String(r.unit)))}` : ""}</p>
        ${share !== null ? `<div class="bar"><span style="width:${(share * 100).toFixed(1)}%"></span></div>` : ""}
      </div>`;
    })
    .join("");

  const keyTable = `
    <table>
      <thead><tr><th>${esc(w("indicator"))}</th><th class="n">${esc(w("value"))}</th><th class="n">${esc(w("running"))}</th><th class="n">${esc(w("target"))}</th><th>${esc(w("standing"))}</th><th class="n">${esc(w("yearTarget"))}</th><th class="n">${esc(w("phaseTarget"))}</th><th class="n">${esc(w("baseline"))}</th></tr></thead>
      <tbody>${totals
        .map((r) => {
          const baseline = typeof r.baseline === "number" ? `${number(lang, r, "baseline", input.suppressBelow)} (${r.baseline_year})` : MISSING;
          return `<tr><td>${esc(labelOf(String(r.indicator_id)))}</td>${["value", "running_total", "target"].map((k) => `<td class="n">${esc(number(lang, r, k, input.suppressBelow))}</td>`).join("")}<td>${r.target_status ? esc(label(lang, "target_status", String(r.target_status))) : ""}</td>${["year_target", "phase_target"].map((k) => `<td class="n">${esc(number(lang, r, k, input.suppressBelow))}</td>`).join("")}<td class="n">${esc(baseline)}</td></tr>`;
        })
        .join("")}</tbody>
    </table>`;

  const byCountry = `
    <table class="wide">
      <thead><tr><th>${esc(w("countries"))}</th>${keyIds.map((id) => `<th class="n">${esc(labelOf(id))}</th>`).join("")}</tr></thead>
      <tbody>${countries
        .map(({ code, name }) => {
          const cells = keyIds.map((id) => {
            const r = input.figures.find((f) => f.country_code === code && f.indicator_id === id && f.disaggregation === "");
            if (!r) return `<td class="n">${MISSING}</td>`;
            const running = cumulative.has(id) ? `<br><small>${esc(number(lang, r, "running_total", input.suppressBelow))}</small>` : "";
            return `<td class="n">${esc(number(lang, r, "value", input.suppressBelow))}${running}</td>`;
          });
          return `<tr class="${code === "ALL" ? "total" : ""}"><td>${esc(name)}</td>${cells.join("")}</tr>`;
        })
        .join("")}</tbody>
    </table>
    <p class="note">${esc(w("byCountryNote"))}</p>`;

  const quality = `
    <table>
      <thead><tr><th>${esc(w("countries"))}</th><th>${esc(w("source"))}</th><th class="n">${esc(w("received"))}</th><th class="n">${esc(w("completeness"))}</th><th class="n">${esc(w("timeliness"))}</th></tr></thead>
      <tbody>${input.quality
        .filter((q) => Number(q.months_expected) > 0)
        .map((q) => `<tr><td>${esc(q[`country_${lang}`])}</td><td>${esc(label(lang, "source", String(q.source)))}</td><td class="n">${Number(q.months_received)} / ${Number(q.months_expected) - Number(q.months_not_measurable)}</td><td class="n">${esc(formatValue(lang, q.completeness as number | null, "percent"))}</td><td class="n">${esc(formatValue(lang, q.timeliness as number | null, "percent"))}</td></tr>`)
        .join("")}</tbody>
    </table>`;

  const definitions = input.definitions
    .map((d) => `
      <div class="definition">
        <h3>${esc(d[`label_${lang}`])} <small>${esc(label(lang, "unit", String(d.unit)))} · ${esc(label(lang, "kind", String(d.kind)))}</small></h3>
        <p>${esc(d[`definition_${lang}`])}</p>
        <p class="meta">${esc(w("periodRule"))}${colon}${esc(d[`kind_rule_${lang}`])}. ${esc(w("sources"))}${colon}${esc(d[`sources_${lang}`])}.</p>
      </div>`)
    .join("");

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${esc(w("title"))} – ${esc(periodName)}</title>
<style>${STYLE}</style>
</head>
<body>
${cover}
<section>
  <h2>${esc(w("keyFigures"))} · ${esc(periodName)}</h2>
  <div class="cards">${cards}</div>
  ${keyTable}
</section>
<section>
  <h2>${esc(w("byCountry"))} · ${esc(periodName)}</h2>
  ${byCountry}
</section>
<section>
  <h2>${esc(w("quality"))}</h2>
  ${quality}
</section>
<section>
  <h2>${esc(w("definitions"))}</h2>
  ${definitions}
</section>
<section class="cite">
  <h2>${esc(w("cite"))}</h2>
  <p class="citation">${esc(input.citation.text[lang])}</p>
  <p>${esc(w("verify"))}</p>
  <p>${esc(say(lang, SCOPE_RULE))}</p>
</section>
</body>
</html>
`;
}

/** A figure as the tables show it: in its unit and the reader's format, or the mark of a suppressed count. */
function number(lang: Lang, row: Row, key: string, suppressBelow: number): string {
  const flag = key === "running_total" ? "running_total_suppressed" : key === "value" ? "suppressed" : null;
  if (flag && row[flag] === true) return suppressedMark(suppressBelow);
  const value = row[key];
  return typeof value === "number" ? formatValue(lang, value, String(row.unit)) : MISSING;
}

/** Every country of the figures, all countries first, each with its name in the rows' language. */
function uniqueCountries(rows: Row[], lang: Lang): Array<{ code: string; name: string }> {
  const seen = new Map<string, string>();
  for (const r of rows) if (!seen.has(String(r.country_code))) seen.set(String(r.country_code), String(r[`country_${lang}`]));
  return [...seen].map(([code, name]) => ({ code, name })).sort((a, b) => (a.code === "ALL" ? -1 : b.code === "ALL" ? 1 : a.name.localeCompare(b.name)));
}


const STYLE = `
@page { size: A4 landscape; margin: 14mm 14mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; color: #1d2733; margin: 0; }
section { page-break-after: always; }
section:last-child { page-break-after: auto; }
h1 { font-size: 30pt; margin: 0 0 4mm; color: #0b4f8a; }
h2 { font-size: 15pt; color: #0b4f8a; border-bottom: 2px solid #0b4f8a; padding-bottom: 1.5mm; margin: 0 0 5mm; }
h3 { font-size: 10.5pt; margin: 0 0 1mm; }
h3 small { font-weight: normal; color: #5a6775; }
.cover { padding-top: 20mm; }
.cover .brand { font-weight: bold; letter-spacing: 0.2em; text-transform: uppercase; color: #5a6775; margin: 0 0 6mm; }
.cover .subtitle { font-size: 13pt; color: #3d4a57; margin: 0 0 10mm; }
.cover .period { font-size: 22pt; font-weight: bold; margin: 0 0 8mm; }
.cover dl { display: grid; grid-template-columns: 45mm auto; row-gap: 2mm; margin: 0 0 10mm; font-size: 11pt; }
.cover dt { color: #5a6775; }
.cover dd { margin: 0; font-weight: bold; }
.rule { max-width: 200mm; color: #3d4a57; }
.citation { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; background: #eef3f8; padding: 3mm; border-left: 3px solid #0b4f8a; word-break: break-all; }
.cards { display: grid; grid-template-columns: repeat(5, 1fr); gap: 4mm; margin-bottom: 6mm; }
.card { border: 1px solid #c9d3dd; border-radius: 2mm; padding: 3mm; }
.card-label { margin: 0; color: #3d4a57; font-size: 8.5pt; min-height: 8mm; }
.card-value { margin: 1mm 0; font-size: 18pt; font-weight: bold; color: #0b4f8a; }
.card-note { margin: 0 0 2mm; font-size: 7.5pt; color: #5a6775; }
.bar { height: 2mm; background: #e3e8ee; border-radius: 1mm; overflow: hidden; }
.bar span { display: block; height: 100%; background: #2e8b57; }
table { border-collapse: collapse; width: 100%; margin-bottom: 5mm; }
th, td { border-bottom: 1px solid #dde3ea; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
th { background: #f1f4f8; font-size: 8.5pt; }
td.n, th.n { text-align: right; white-space: nowrap; }
table.wide th { font-size: 7.5pt; }
tr.total td { font-weight: bold; background: #f7f9fb; }
td small { color: #5a6775; font-weight: normal; }
.note, .meta { font-size: 8pt; color: #5a6775; }
.definition { break-inside: avoid; margin-bottom: 3mm; }
.definition p { margin: 0 0 1mm; }
`;
