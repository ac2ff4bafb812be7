// A country page's key content as HTML: its name and status, its sections, its bottleneck flags
// and each indicator's latest value against its target.
import { formatDate, formatMonth, formatNumber, formatValue, label, pick } from "imaginecole/core";
import { shows } from "../../components/edition.ts";
import { countryName, indicatorLabel, t } from "../../components/i18n.ts";
import { catalogueData, countriesData, countryData, type CountryIndicator } from "./datasets.ts";
import { html } from "./html.ts";
import type { Row } from "./warehouse.ts";
import type { PageRequest, StaticPage } from "./page-loader.ts";
import { staticTable, statusBadge } from "./static-parts.ts";

export async function countryPage({ db, edition, lang, params }: PageRequest): Promise<StaticPage> {
  const code = params.code ?? "";
  const country = (await countriesData(db, edition)).find((c) => c.country_code === code);
  const catalogue = await catalogueData(db);
  const data = await countryData(db, edition, code);
  const name = countryName(lang, country, code);
  const unit = (id: string) => catalogue.indicators.find((c) => c.indicator_id === id)?.unit;
  const order = new Map(catalogue.indicators.map((c, i) => [c.indicator_id, i]));
  const totals = data.indicators.filter((d) => d.disaggregation === "" && d.value != null);
  const ids = [...new Set(data.indicators.map((d) => d.indicator_id))].sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999));
  const latest = ids.map((id) => totals.filter((d) => d.indicator_id === id).at(-1)).filter((d): d is CountryIndicator => d != null);
  const sections: [string, string, boolean][] = [
    ["bottlenecks", t(lang, "country.bottlenecks"), shows(edition, "bottlenecks")],
    ["indicators", t(lang, "country.indicators"), true],
    ["disaggregations", t(lang, "country.disaggregations"), true],
    ["freshness", t(lang, "country.freshness"), shows(edition, "staff")],
    ["rejects", t(lang, "country.rejects"), shows(edition, "staff")],
    ["activities", t(lang, "country.activities"), shows(edition, "staff")],
    ["definitions", t(lang, "country.definitions"), true],
  ];
  const teachers = country
    ? t(lang, "country.teachers", {
        primary: formatNumber(lang, country.primary_teachers, 0),
        primaryYear: country.primary_teachers_year ?? "—",
        secondary: formatNumber(lang, country.secondary_teachers, 0),
        secondaryYear: country.secondary_teachers_year ?? "—",
      })
    : "";
  const flags = data.bottlenecks ?? [];
  // Comments from the Commentaires tabs, quoted with their author's role (never a name).
  const comments = (list: Row[]) =>
    list.length === 0 ? "" : html`<ul class="comments">${list.map((c) => html`<li><q>${String(c.comment)}</q> — ${label(lang, "author_role", String(c.author_role))}</li>`)}</ul>`;
  return {
    title: name,
    blocks: {
      name: html`<h1>${name}</h1>`,
      lede: html`<p class="ie-lede">${t(lang, "country.lede", { country: name })} ${teachers} ${country ? statusBadge(lang, country.status) : ""}</p>`,
      sections: html`<nav class="ie-toc" aria-label="${t(lang, "country.sections")}"><ul>${sections
        .filter(([, , shown]) => shown)
        .map(([id, text]) => html`<li><a href="#${id}">${text}</a></li>`)}</ul></nav>`,
      flags: flags.length === 0
        ? html`<p>${t(lang, "country.noBottleneck")}</p>`
        : html`<ul>${flags.map((b) => html`<li><strong>${label(lang, "rule", b.rule_id)}</strong> — ${label(lang, "severity", b.severity)}, ${t(lang, "bottlenecks.since").toLowerCase()} ${formatDate(lang, b.since)}. ${pick(lang, { fr: b.message_fr, en: b.message_en })}${comments(
            data.comments.filter((c) => (c.subject_kind === "flag" && c.subject_id === b.flag_id) || (c.subject_kind === "rule" && c.subject_id === b.rule_id)),
          )}</li>`)}</ul>`,
      indicators: data.indicators.length === 0
        ? html`<p class="ie-empty">${t(lang, "country.unknown")}</p>`
        : staticTable<CountryIndicator>("ie-static-indicators", t(lang, "country.indicators"), [
            { label: t(lang, "country.indicators"), cell: (d) => indicatorLabel(lang, d.indicator_id, catalogue.indicators) },
            {
              label: t(lang, "country.latest"),
              numeric: true,
              cell: (d) => `${formatValue(lang, d.value, unit(d.indicator_id))}${d.denominator_year ? ` (${t(lang, "country.denominator", { year: d.denominator_year })})` : ""}`,
            },
            { label: t(lang, "common.target"), numeric: true, cell: (d) => formatValue(lang, d.target, unit(d.indicator_id)) },
            { label: t(lang, "common.targetStatus"), cell: (d) => (d.target_status ? statusBadge(lang, d.target_status) : "—") },
            { label: t(lang, "country.period"), cell: (d) => formatMonth(lang, d.period) },
            { label: t(lang, "common.validation"), cell: (d) => label(lang, "approval", d.status) },
          ], latest),
    },
  };
}
