import * as Plot from "@observablehq/plot";
import { el } from "./dom.js";
import { formatDelta, formatMonth, formatNumber, formatPercent } from "imaginecole/core";
import { t } from "./i18n.js";
import { monthDate } from "./lineChart.js";

/**
 * A key figure: latest value, change on the previous month, share of target, and a small trend
 * line with the target trajectory. `series` is [{period, value, target, change, countries}] in
 * month order, `change` counting only the countries that reported both months.
 */
export function trendCard({ lang, title, series, countries }) {
  const known = series.filter((d) => d.value != null);
  const last = known.at(-1);
  const x = (d) => monthDate(d.period);
  // The trend line only joins months every reporting country has figures for.
  const full = Math.max(0, ...known.map((d) => d.countries));
  const complete = known.filter((d) => d.countries === full);
  const spark = Plot.plot({
    width: 220,
    height: 50,
    margin: 2,
    axis: null,
    marks: [
      Plot.line(complete.filter((d) => d.target != null), { x, y: "target", stroke: "#777", strokeDasharray: "3,3" }),
      Plot.line(complete, { x, y: "value", stroke: "#0b5cad", strokeWidth: 2 }),
    ],
    x: { type: "utc" },
  });
  spark.setAttribute("aria-hidden", "true");
  return el("div", { class: "ie-card", "data-indicator": title },
    el("h3", {}, title),
    el("div", { class: "ie-big" }, last ? formatNumber(lang, last.value, 0) : t(lang, "common.noData")),
    last ? el("p", {}, formatMonth(lang, last.period), last.countries < countries ? ` — ${t(lang, "common.reporting", { n: last.countries, total: countries })}` : "") : null,
    last?.change != null ? el("p", {}, t(lang, "common.vsPrevious", { delta: formatDelta(lang, last.change) })) : null,
    last
      ? el("p", {}, last.target
        ? t(lang, "common.ofTarget", { share: formatPercent(lang, last.value / last.target), target: formatNumber(lang, last.target, 0) })
        : t(lang, "common.noTarget"))
      : null,
    spark,
  );
}
