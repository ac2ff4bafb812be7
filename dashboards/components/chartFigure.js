import { el } from "./dom.js";
import { t } from "./i18n.js";

/**
 * A chart with its title, a text alternative on the graphic, and its data as a table behind a
 * disclosure: screen readers and printouts get the numbers, not just the picture.
 */
export function chartFigure(chart, { lang, title, alt, table }) {
  const svg = chart instanceof SVGElement ? chart : chart.querySelector("svg");
  if (svg) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", alt ?? title);
  }
  return el("figure", { class: "ie-chart" },
    el("figcaption", {}, el("strong", {}, title)),
    chart,
    table ? el("details", {}, el("summary", {}, t(lang, "common.showTable")), table) : null,
  );
}
