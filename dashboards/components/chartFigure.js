import { el } from "./dom.js";
import { t } from "./i18n.js";

/**
 * Names a chart's SVG for screen readers: a picture (role img) named by `alt`, or, when it holds
 * links (the map), a group of them with that name. Plot names its marks with aria-label on plain
 * <g> elements, which ARIA does not allow on an element without a role: those names are removed.
 */
export function labelSvg(svg, alt) {
  const links = svg.querySelector("a") !== null;
  svg.setAttribute("role", links ? "group" : "img");
  svg.setAttribute("aria-label", alt);
  for (const node of svg.querySelectorAll("[aria-label]:not(a)")) node.removeAttribute("aria-label");
  for (const node of svg.querySelectorAll("[aria-description]")) node.removeAttribute("aria-description");
}

/**
 * A chart with its title, a text alternative on the graphic, and its data as a table behind a
 * disclosure: screen readers and printouts get the numbers, not just the picture. A chart that
 * redraws itself on resize gets its name again on every drawing.
 */
export function chartFigure(chart, { lang, title, alt, table }) {
  const name = alt ?? title;
  const label = () => {
    const svgs = chart instanceof SVGElement ? [chart] : chart.querySelectorAll("svg:not([aria-hidden])");
    for (const svg of svgs) {
      // A legend's swatches are pictures of a colour beside their text: decoration.
      if (svg.closest('[class$="-swatches"], [class*="-swatches "], .ie-legend')) svg.setAttribute("aria-hidden", "true");
      else if (svg.getAttribute("aria-label") !== name || svg.querySelector("[aria-label]:not(a)")) labelSvg(svg, name);
    }
  };
  label();
  if (!(chart instanceof SVGElement)) new MutationObserver(label).observe(chart, { childList: true, subtree: true });
  return el("figure", { class: "ie-chart" },
    el("figcaption", {}, el("strong", {}, title)),
    chart,
    table ? el("details", {}, el("summary", {}, t(lang, "common.showTable")), table) : null,
  );
}
