import * as Plot from "@observablehq/plot";
import { formatNumber, formatValue, UNIT_DIGITS } from "imaginecole/core";

/**
 * Horizontal bars, one row per category (`y`), optionally stacked by `fill`. With a `unit` (the
 * catalogue's: count, users…) values read in it: people and counts whole, with no fractional tick.
 */
export function barChart(data, { lang, width, x, y, fill = null, xLabel = null, colors = null, sort = true, unit = null }) {
  const value = (v) => (unit ? formatValue(lang, v, unit) : formatNumber(lang, v));
  const categories = new Set(data.map((d) => d[y]));
  // Room for the longest category name (about 6 px a character at Plot's 10 px), up to half the width.
  const longest = Math.max(0, ...[...categories].map((c) => String(c ?? "").length));
  return Plot.plot({
    width,
    height: 30 + categories.size * 26,
    marginLeft: Math.round(Math.max(120, Math.min(width / 2, longest * 6 + 16))),
    x: { grid: true, label: xLabel, tickFormat: (d) => (UNIT_DIGITS[unit] === 0 && !Number.isInteger(d) ? "" : formatNumber(lang, d)) },
    y: { label: null },
    color: fill ? { legend: true, ...(colors ?? {}) } : undefined,
    marks: [
      Plot.barX(data, {
        x, y, fill: fill ?? "#0b5cad",
        sort: sort ? { y: "-x" } : undefined,
        title: (d) => `${d[y]}${fill ? ` — ${d[fill]}` : ""} : ${value(d[x])}`,
      }),
      Plot.ruleX([0]),
    ],
  });
}
