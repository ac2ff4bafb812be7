import * as Plot from "@observablehq/plot";
import { formatMonth, formatNumber, formatPercentage, formatValue, UNIT_DIGITS } from "imaginecole/core";
import { t } from "./i18n.js";

export const monthDate = (period) => new Date(`${period.slice(0, 7)}-01T00:00:00Z`);

/**
 * A monthly series with its target trajectory (dashed) when it has one. The value axis starts at
 * zero; `unit` (the catalogue's: count, users, percent, days…) gives `%` on a percentage axis and
 * whole numbers on an axis of people, counts or days (tooltips likewise, src/core formatValue).
 */
export function lineChart(series, { lang, width, height = 220, y = "value", z = null, yLabel = null, unit = "count" }) {
  const withTarget = series.filter((d) => d.target != null);
  const known = series.filter((d) => d[y] != null);
  const x = (d) => monthDate(d.period);
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    marginRight: 30,
    // A short month name takes about 80 px: fewer ticks than that never collide.
    x: { type: "utc", tickFormat: (d) => formatMonth(lang, d.toISOString()), label: null, ticks: Math.max(2, Math.floor(width / 110)) },
    y: {
      grid: true, zero: true, label: yLabel,
      tickFormat: (d) => (unit === "percent" ? formatPercentage(lang, d, 0) : UNIT_DIGITS[unit] === 0 && !Number.isInteger(d) ? "" : formatNumber(lang, d)),
    },
    color: z ? { legend: true } : undefined,
    marks: [
      withTarget.length
        ? Plot.line(withTarget, { x, y: "target", z, stroke: "#666", strokeDasharray: "4,3", title: () => t(lang, "common.trajectory") })
        : null,
      Plot.line(known, { x, y, z, stroke: z ?? "#0b5cad", strokeWidth: 2 }),
      Plot.dot(known, { x, y, z, fill: z ?? "#0b5cad", r: 2.5,
        title: (d) => `${formatMonth(lang, d.period)} : ${formatValue(lang, d[y], unit)}` }),
    ],
  });
}
