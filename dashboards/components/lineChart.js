import * as Plot from "@observablehq/plot";
import { formatMonth, formatNumber } from "imaginecole/core";
import { t } from "./i18n.js";

export const monthDate = (period) => new Date(`${period.slice(0, 7)}-01T00:00:00Z`);

/** A monthly series with its target trajectory (dashed) when it has one. */
export function lineChart(series, { lang, width, height = 220, y = "value", z = null, yLabel = null }) {
  const withTarget = series.filter((d) => d.target != null);
  const known = series.filter((d) => d[y] != null);
  const x = (d) => monthDate(d.period);
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    marginRight: 30,
    x: { type: "utc", tickFormat: (d) => formatMonth(lang, d.toISOString()), label: null, ticks: Math.max(2, Math.floor(width / 90)) },
    y: { grid: true, label: yLabel, tickFormat: (d) => formatNumber(lang, d) },
    color: z ? { legend: true } : undefined,
    marks: [
      withTarget.length
        ? Plot.line(withTarget, { x, y: "target", z, stroke: "#666", strokeDasharray: "4,3", title: () => t(lang, "common.trajectory") })
        : null,
      Plot.line(known, { x, y, z, stroke: z ?? "#0b5cad", strokeWidth: 2 }),
      Plot.dot(known, { x, y, z, fill: z ?? "#0b5cad", r: 2.5,
        title: (d) => `${formatMonth(lang, d.period)} : ${formatNumber(lang, d[y])}` }),
    ],
  });
}
