import * as Plot from "@observablehq/plot";
import { formatMonth, formatNumber, t } from "./i18n.js";

/** A monthly series with its target trajectory (dashed) when it has one. */
export function lineChart(series, { lang, width, height = 220, y = "value", z = null, yLabel = null }) {
  const withTarget = series.filter((d) => d.target != null);
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: { type: "point", tickFormat: (d) => formatMonth(lang, d), label: null, ticks: 6 },
    y: { grid: true, label: yLabel, tickFormat: (d) => formatNumber(lang, d) },
    color: z ? { legend: true } : undefined,
    marks: [
      withTarget.length
        ? Plot.line(withTarget, { x: "period", y: "target", z, stroke: "#888", strokeDasharray: "4,3", title: () => t(lang, "common.trajectory") })
        : null,
      Plot.line(series.filter((d) => d[y] != null), { x: "period", y, z, stroke: z ?? "#0b5cad", strokeWidth: 2 }),
      Plot.dot(series.filter((d) => d[y] != null), { x: "period", y, z, fill: z ?? "#0b5cad", r: 2.5,
        title: (d) => `${formatMonth(lang, d.period)} : ${formatNumber(lang, d[y])}` }),
    ],
  });
}
