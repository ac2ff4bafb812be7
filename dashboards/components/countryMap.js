// Drawn with d3-geo alone rather than Plot: the overview then loads no charting library, which
// keeps it light on a slow link.
import { geoMercator, geoPath } from "d3-geo";
import { label } from "imaginecole/core";
import { svgEl } from "./dom.js";
import { countryName } from "./i18n.js";

/**
 * Status colours readable by red-green colour-blind readers (Okabe–Ito blue and orange, Tol's wine),
 * each with its own symbol, so neither colour nor shape alone carries the status. "No data" is a
 * white country with a dashed outline and a question mark, unlike the grey of non-member countries.
 */
export const STATUS_COLORS = { on_track: "#0072b2", at_risk: "#e69f00", off_track: "#882255", no_data: "#ffffff" };
export const STATUS_SYMBOLS = { on_track: "●", at_risk: "▲", off_track: "✖", no_data: "?" };
const MARKERS = {
  on_track: () => svgEl("circle", { r: 5 }),
  at_risk: () => svgEl("path", { d: "M0,-6L5.5,4H-5.5Z" }),
  off_track: () => svgEl("path", { d: "M-4,-4L4,4M-4,4L4,-4", "stroke-width": 2.5 }),
};

/** Member countries coloured by overall status, named, neighbours in grey; each member links to its page. */
export function countryMap(geo, countries, { lang, width }) {
  const height = Math.round(width * 0.62);
  const byNumeric = new Map(countries.map((c) => [c.iso_numeric, c]));
  const members = geo.features.filter((f) => byNumeric.has(f.id));
  const others = geo.features.filter((f) => !byNumeric.has(f.id));
  const country = (f) => byNumeric.get(f.id);
  const status = (f) => (country(f).status in MARKERS ? country(f).status : "no_data");
  const name = (f) => `${countryName(lang, country(f))} — ${label(lang, "target_status", status(f))}`;
  const known = members.filter((f) => status(f) !== "no_data");
  const unknown = members.filter((f) => status(f) === "no_data");
  const projection = geoMercator().fitExtent([[10, 10], [width - 10, height - 10]], { type: "FeatureCollection", features: members });
  const path = geoPath(projection);
  const at = (f) => path.centroid(f);
  // Each member is a link read out with the country's name and status.
  const link = (f, fill) => svgEl("a", { href: `./pays/${country(f).country_code}`, "aria-label": name(f) },
    svgEl("path", { d: path(f), fill }, svgEl("title", {}, name(f))));
  return svgEl("svg", { width, height, viewBox: `0 0 ${width} ${height}`, class: "ie-map", style: "max-width: 100%; height: auto" },
    svgEl("g", { fill: "#e4e4e4", stroke: "#ffffff" }, others.map((f) => svgEl("path", { d: path(f) }))),
    svgEl("g", { stroke: "#ffffff", "stroke-width": 1 }, known.map((f) => link(f, STATUS_COLORS[status(f)]))),
    svgEl("g", { fill: STATUS_COLORS.no_data, stroke: "#555555", "stroke-dasharray": "4,3" }, unknown.map((f) => link(f, null))),
    svgEl("g", { fill: "#ffffff", stroke: "#000000", "stroke-width": 1.2, "aria-hidden": "true" }, known.map((f) => {
      const [x, y] = at(f);
      return svgEl("g", { transform: `translate(${x},${y})` }, MARKERS[status(f)]());
    })),
    svgEl("g", { "font-weight": 700, "font-size": 14, fill: "#333333", "text-anchor": "middle", "aria-hidden": "true" }, unknown.map((f) => {
      const [x, y] = at(f);
      return svgEl("text", { x, y, dy: "0.32em" }, STATUS_SYMBOLS.no_data);
    })),
    svgEl("g", { "font-size": 11, fill: "#000000", stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke", "text-anchor": "middle", "aria-hidden": "true" },
      members.map((f) => {
        const [x, y] = at(f);
        // Below the marker: its centre, 14 px down, then a third of the text's height.
        return svgEl("text", { x, y, dy: 18 }, countryName(lang, country(f)));
      })),
  );
}
