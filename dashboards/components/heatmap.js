import * as Plot from "@observablehq/plot";
import { formatMonth, formatPercent } from "imaginecole/core";

/** Country × month cells shaded by a share from 0 to 1 (completeness, timeliness); `legend` labels the colour ramp. */
export function heatmap(data, { lang, width, value, legend = null }) {
  return Plot.plot({
    width,
    height: 40 + new Set(data.map((d) => d.country)).size * 24,
    marginLeft: 120,
    padding: 0.05,
    x: { type: "band", tickFormat: (d) => formatMonth(lang, d), label: null, tickRotate: -45 },
    y: { label: null },
    // The ramp's end labels ("0 %", "100 %") are centred on its ends: margins keep them inside the
    // chart's box, which clips what leaves it when a phone scrolls the chart sideways.
    color: { type: "linear", domain: [0, 1], scheme: "rdylgn", legend: true, label: legend, tickFormat: (d) => formatPercent(lang, d), marginLeft: 16, marginRight: 24 },
    marginBottom: 50,
    marks: [
      Plot.cell(data, { x: "period", y: "country", fill: value, title: (d) => `${d.country}, ${formatMonth(lang, d.period)} : ${formatPercent(lang, d[value])}` }),
    ],
  });
}
