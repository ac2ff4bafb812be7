// The overview's sentences and a key figure's lines, worded once for the HTML the page loader
// writes and for the cards the page's JavaScript draws.
import { formatDate, formatDelta, formatList, formatMonth, formatNumber, formatPercent, label, parsePeriod, type Lang } from "imaginecole/core";
// `.js`: the browser gets this module as Framework bundles it, and i18n.ts becomes i18n.js there.
import { countryName, t, type CountryNames } from "./i18n.js";

interface Standing extends CountryNames {
  status: string;
}

/** "5 pays sur 10 en retard ou à surveiller : …", worst first then by name, and those without data. */
export function headline(lang: Lang, countries: Standing[]): string {
  const collator = new Intl.Collator(lang);
  const named = countries.map((c) => ({ ...c, name: countryName(lang, c) }));
  const behind = named
    .filter((c) => isLagging(c.status))
    .sort((a, b) => (a.status === b.status ? collator.compare(a.name, b.name) : a.status === "off_track" ? -1 : 1));
  const silent = named.filter((c) => c.status === "no_data").map((c) => c.name).sort(collator.compare);
  const lead = behind.length === 0
    ? t(lang, "overview.allOnTrack", { total: countries.length })
    : t(lang, "overview.behind", {
        n: behind.length,
        total: countries.length,
        list: formatList(lang, behind.map((c) => `${c.name} (${label(lang, "target_status", c.status).toLowerCase()})`)),
      });
  return silent.length ? `${lead} ${t(lang, "overview.withoutData", { list: formatList(lang, silent) })}` : lead;
}

/** "Données au 31/10/2026 · mises à jour le 15/11/2026 à 08:00 (UTC)", or nothing before the first mart build. */
export function freshness(lang: Lang, asOf: { as_of: string; built_for: string } | null): string {
  if (!asOf) return "";
  return t(lang, "common.freshness", {
    date: formatDate(lang, parsePeriod(asOf.as_of.slice(0, 7))?.end ?? asOf.as_of),
    day: formatDate(lang, asOf.built_for),
    time: asOf.built_for.slice(11, 16),
  });
}

export interface CardPoint {
  period: string;
  value: number | null;
  target: number | null;
  change: number | null;
  countries: number;
}

export interface CardPhase {
  target_status: string | null;
  phase_target: number | null;
  phase_deadline: string | null;
}

/** A key figure's lines: latest value, its month and reporting countries, change, share of target, phase target. */
export function cardText(lang: Lang, series: CardPoint[], countries: number, phase: CardPhase | undefined) {
  const last = series.filter((d) => d.value != null).at(-1);
  return {
    status: phase?.target_status ?? null,
    value: last ? formatNumber(lang, last.value, 0) : t(lang, "common.noData"),
    month: last
      ? `${formatMonth(lang, last.period)}${last.countries < countries ? ` — ${t(lang, "common.reporting", { n: last.countries, total: countries })}` : ""}`
      : null,
    change: last?.change != null ? t(lang, "common.vsPrevious", { delta: formatDelta(lang, last.change) }) : null,
    ofTarget: last
      ? last.target
        ? t(lang, "common.ofTarget", { share: formatPercent(lang, (last.value ?? 0) / last.target), target: formatNumber(lang, last.target, 0) })
        : t(lang, "common.noTarget")
      : null,
    phaseTarget: phase?.phase_target != null
      ? t(lang, "common.phaseTarget", { target: formatNumber(lang, phase.phase_target, 0), date: formatDate(lang, phase.phase_deadline) })
      : null,
  };
}

/** Off track or at risk: a cell marked ▼ with its status said, and a country named in the headline. */
export function isLagging(status: string | null | undefined): boolean {
  return status === "off_track" || status === "at_risk";
}

/**
 * A country's figure against its target, as the overview's table cell reads: "48", " / 101",
 * "▼ 48 %" and, for a lagging one, its status in words ("En retard"); "—" and nothing else without a value.
 */
export function targetCell(lang: Lang, point: { value: number | null; target: number | null; target_status: string | null } | undefined) {
  if (point?.value == null) return { value: formatNumber(lang, null), target: null, share: null, status: null };
  const lagging = isLagging(point.target_status);
  return {
    value: formatNumber(lang, point.value, 0),
    target: point.target != null ? ` / ${formatNumber(lang, point.target, 0)}` : null,
    share: point.target ? `${lagging ? "▼ " : ""}${formatPercent(lang, point.value / point.target)}` : null,
    status: lagging ? label(lang, "target_status", point.target_status!) : null,
  };
}
