import * as Plot from "@observablehq/plot";
import { label } from "imaginecole/core";

export const SEVERITY_COLORS = { high: "#c4171d", medium: "#e08a00", low: "#f2cc5c", info: "#9ecae1" };
const SEVERITIES = Object.keys(SEVERITY_COLORS);

/** Country × rule grid; each flagged cell coloured and written with its severity. */
export function severityMatrix(cells, { lang, width, countries, rules }) {
  return Plot.plot({
    width,
    height: 60 + countries.length * 28,
    marginLeft: 120,
    marginBottom: 120,
    marginRight: 40,
    x: { domain: rules, label: null, tickRotate: -30 },
    y: { domain: countries, label: null },
    color: { domain: SEVERITIES, range: SEVERITIES.map((s) => SEVERITY_COLORS[s]), legend: true, tickFormat: (s) => label(lang, "severity", s) },
    marks: [
      Plot.frame({ stroke: "#ddd" }),
      Plot.cell(cells, { x: "rule", y: "country", fill: "severity", inset: 1, title: (d) => `${d.country} — ${d.rule} : ${label(lang, "severity", d.severity)}` }),
      Plot.text(cells, { x: "rule", y: "country", text: (d) => label(lang, "severity", d.severity), fill: "#000", fontSize: 10 }),
    ],
  });
}
