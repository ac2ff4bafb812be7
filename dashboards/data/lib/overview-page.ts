// The overview's key content as HTML: the countries behind, how fresh the data is, how a
// country's status is decided, the key figures and the countries table with each latest value
// against its target.
import { formatNumber, formatPercent, type Lang } from "imaginecole/core";
import { shows } from "../../components/edition.ts";
import { countryName, indicatorLabel, t } from "../../components/i18n.ts";
import { cardText, freshness, headline, isLagging, targetCell } from "../../components/overviewText.ts";
import { catalogueData, countriesData, overviewData, type Country, type LatestPoint } from "./datasets.ts";
import { html, type Html } from "./html.ts";
import type { PageRequest, StaticPage } from "./page-loader.ts";
import { staticTable, statusBadge } from "./static-parts.ts";

export async function overviewPage({ db, edition, lang }: PageRequest): Promise<StaticPage> {
  const countries = await countriesData(db, edition);
  const catalogue = await catalogueData(db);
  const overview = await overviewData(db);
  const name = (id: string) => indicatorLabel(lang, id, catalogue.indicators);
  const cards = overview.indicators.map((id) => {
    const text = cardText(lang, overview.regional.filter((d) => d.indicator_id === id), countries.length, overview.phase.find((d) => d.indicator_id === id));
    return html`<div class="ie-card${text.status ? ` ie-card-${text.status}` : ""}">
<h3>${name(id)}${text.status ? html` ${statusBadge(lang, text.status)}` : ""}</h3>
<div class="ie-big">${text.value}</div>
${[text.month, text.change, text.ofTarget].map((line) => (line ? html`<p>${line}</p>` : ""))}
${text.phaseTarget ? html`<p class="ie-phase-target">${text.phaseTarget}</p>` : ""}
</div>`;
  });
  const latest = new Map(overview.latest.map((d) => [`${d.country_code}|${d.indicator_id}`, d]));
  const collator = new Intl.Collator(lang);
  const rows = [...countries].sort((a, b) => collator.compare(countryName(lang, a), countryName(lang, b)));
  const columns = [
    { label: t(lang, "common.country"), cell: (c: Country) => html`<a href="./pays/${c.country_code}">${countryName(lang, c)}</a>` },
    { label: t(lang, "common.overallStatus"), cell: (c: Country) => statusBadge(lang, c.status) },
    ...overview.indicators.map((id) => ({
      label: name(id),
      numeric: true,
      cellClass: (c: Country) => lagClass(latest.get(`${c.country_code}|${id}`)),
      cell: (c: Country) => versusTarget(lang, latest.get(`${c.country_code}|${id}`)),
    })),
    ...(shows(edition, "bottlenecks") ? [{ label: t(lang, "nav.bottlenecks"), numeric: true, cell: (c: Country) => formatNumber(lang, (c.high ?? 0) + (c.medium ?? 0) + (c.low ?? 0), 0) }] : []),
  ];
  const { onTrack, atRisk } = overview.thresholds;
  return {
    title: t(lang, "overview.title"),
    blocks: {
      headline: html`<p class="ie-headline" id="ie-headline">${headline(lang, countries)}</p>`,
      freshness: html`<p class="ie-freshness" id="ie-freshness">${freshness(lang, catalogue.asOf)}</p>`,
      "status-rule": html`<p class="ie-lede" id="ie-status-rule">${t(lang, "overview.statusRule", { onTrack: formatPercent(lang, onTrack), atRisk: formatPercent(lang, atRisk) })}</p>`,
      cards: html`<div class="ie-cards ie-static" id="ie-static-cards">
${cards}
</div>`,
      table: staticTable("ie-static-countries", t(lang, "overview.table"), columns, rows),
    },
  };
}

function lagClass(point: LatestPoint | undefined): string | null {
  return isLagging(point?.target_status) ? `ie-lag ie-lag-${point!.target_status}` : null;
}

/** "48 / 101 ▼ 48 %": the value, its target and its share, marked and said when it lags (targetCell). */
function versusTarget(lang: Lang, point: LatestPoint | undefined): Html {
  const cell = targetCell(lang, point);
  return html`<span>${cell.value}${cell.target ? html`<small class="ie-target">${cell.target}</small>` : ""}${
    cell.share ? html`<span class="ie-pct">${cell.share}${cell.status ? html`<span class="ie-sr"> (${cell.status})</span>` : ""}</span>` : ""
  }</span>`;
}
