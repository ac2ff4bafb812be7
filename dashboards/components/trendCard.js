import { el, svgEl } from "./dom.js";
import { statusBadge } from "./statusBadge.js";
import { cardText } from "./overviewText.js";

/**
 * A key figure: latest value, change on the previous month, share of target, and a small trend
 * line with the target trajectory. `series` is [{period, value, target, change, countries}] in
 * month order, `change` counting only the countries that reported both months. `phase`: the
 * all-country phase-to-date row of mart.indicator_periods (status, phase target and deadline), which
 * colours the card and names the target the phase ends on.
 */
export function trendCard({ lang, title, series, countries, phase }) {
  const known = series.filter((d) => d.value != null);
  // The trend line only joins months every reporting country has figures for.
  const full = Math.max(0, ...known.map((d) => d.countries));
  const spark = sparkline(known.filter((d) => d.countries === full));
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

const monthIndex = (period) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7));

/** The value (solid) and the target trajectory (dashed) over the months, 220 × 50, as plain SVG. */
function sparkline(points, width = 220, height = 50, margin = 2) {
  const ys = points.flatMap((d) => [d.value, d.target]).filter((v) => v != null);
  const months = points.map((d) => monthIndex(d.period));
  const [x0, x1] = [Math.min(...months), Math.max(...months)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const x = (d) => margin + ((monthIndex(d.period) - x0) / (x1 - x0 || 1)) * (width - 2 * margin);
  const y = (v) => height - margin - ((v - y0) / (y1 - y0 || 1)) * (height - 2 * margin);
  const line = (key) => points.filter((d) => d[key] != null).map((d, i) => `${i ? "L" : "M"}${x(d).toFixed(1)},${y(d[key]).toFixed(1)}`).join("");
  return svgEl("svg", { width, height, viewBox: `0 0 ${width} ${height}`, "aria-hidden": "true", class: "ie-spark" },
    svgEl("path", { d: line("target"), fill: "none", stroke: "#777777", "stroke-dasharray": "3,3" }),
    svgEl("path", { d: line("value"), fill: "none", stroke: "#0b5cad", "stroke-width": 2 }),
  );
}
