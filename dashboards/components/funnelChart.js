import * as Plot from "@observablehq/plot";
import { formatNumber } from "imaginecole/core";

/** The stages of a resource's life and the statuses that have passed each one. */
export const FUNNEL = [
  { status: "in_production", reached: ["in_production", "in_validation", "validated", "published"] },
  { status: "in_validation", reached: ["in_validation", "validated", "published"] },
  { status: "validated", reached: ["validated", "published"] },
  { status: "published", reached: ["published"] },
];

/** Centred horizontal bars narrowing from the first stage to the last, each labelled with its count. */
export function funnelChart(stages, { lang, width }) {
  const max = Math.max(1, ...stages.map((d) => d.value));
  return Plot.plot({
    width,
    height: 40 + stages.length * 44,
    marginLeft: 120,
    x: { axis: null, domain: [-max / 2, max / 2] },
    y: { domain: stages.map((d) => d.stage), label: null },
    marks: [
      Plot.barX(stages, { x1: (d) => -d.value / 2, x2: (d) => d.value / 2, y: "stage", fill: "#0b5cad" }),
      Plot.text(stages, { x: 0, y: "stage", text: (d) => formatNumber(lang, d.value), fill: "white", fontWeight: 700, stroke: "#0b5cad", strokeWidth: 3, paintOrder: "stroke" }),
    ],
  });
}
