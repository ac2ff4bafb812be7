import * as Plot from "@observablehq/plot";
import { el } from "./dom.js";
import { statusBadge } from "./statusBadge.js";
import { cardText } from "./overviewText.js";
import { monthDate } from "./lineChart.js";

/**
 * A key figure: latest value, change on the previous month, share of target, and a small trend
 * line with the target trajectory. `series` is [{period, value, target, change, countries}] in
 * month order, `change` counting only the countries that reported both months. `phase`: the
 * all-country phase-to-date row of mart.indicator_periods (status, phase target and deadline), which
 * colours the card and names the target the phase ends on.
 */
export function trendCard({ lang, title, series, countries, phase }) {
  const known = series.filter((d) => d.value != null);
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
  const text = cardText(lang, series, countries, phase);
  const status = text.status;
  return el("div", { class: `ie-card${status ? ` ie-card-${status}` : ""}`, "data-indicator": title, "data-status": status },
    el("h3", {}, title, status ? " " : null, status ? statusBadge(lang, status) : null),
    el("div", { class: "ie-big" }, text.value),
    [text.month, text.change, text.ofTarget].map((line) => (line ? el("p", {}, line) : null)),
    text.phaseTarget ? el("p", { class: "ie-phase-target" }, text.phaseTarget) : null,
    spark,
  );
}
