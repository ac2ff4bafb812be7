import * as Plot from "@observablehq/plot";
import { el } from "./dom.js";
import { formatDelta, formatMonth, formatNumber, formatPercent, t } from "./i18n.js";

/**
 * A key figure: latest value, change on the previous month, share of target, and a small trend
 * line with the target trajectory. `series` is [{period, value, target}] in month order.
 */
export function trendCard({ lang, title, series }) {
  const known = series.filter((d) => d.value != null);
  const last = known.at(-1);
  const previous = known.at(-2);
  const spark = Plot.plot({
    width: 220,
    height: 50,
    margin: 2,
    axis: null,
    marks: [
      Plot.line(series.filter((d) => d.target != null), { x: "period", y: "target", stroke: "#999", strokeDasharray: "3,3" }),
      Plot.line(known, { x: "period", y: "value", stroke: "#0b5cad", strokeWidth: 2 }),
    ],
    x: { type: "point" },
  });
  spark.setAttribute("aria-hidden", "true");
  return el("div", { class: "ie-card", "data-indicator": title },
    el("h3", {}, title),
    el("div", { class: "ie-big" }, last ? formatNumber(lang, last.value, 0) : t(lang, "common.noData")),
    last ? el("p", {}, formatMonth(lang, last.period)) : null,
    previous ? el("p", {}, t(lang, "common.vsPrevious", { delta: formatDelta(lang, last.value - previous.value) })) : null,
    last
      ? el("p", {}, last.target
        ? t(lang, "common.ofTarget", { share: formatPercent(lang, last.value / last.target), target: formatNumber(lang, last.target, 0) })
        : t(lang, "common.noTarget"))
      : null,
    spark,
  );
}
