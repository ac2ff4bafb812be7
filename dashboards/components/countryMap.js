import * as Plot from "@observablehq/plot";
import { label } from "imaginecole/core";
import { countryName } from "./i18n.js";

/**
 * Status colours readable by red-green colour-blind readers (Okabe–Ito blue and orange, Tol's wine),
 * each with its own symbol, so neither colour nor shape alone carries the status. "No data" is a
 * white country with a dashed outline and a question mark, unlike the grey of non-member countries.
 */
export const STATUS_COLORS = { on_track: "#0072b2", at_risk: "#e69f00", off_track: "#882255", no_data: "#ffffff" };
export const STATUS_SYMBOLS = { on_track: "●", at_risk: "▲", off_track: "✖", no_data: "?" };
const PLOT_SYMBOLS = { on_track: "circle", at_risk: "triangle", off_track: "times" };

/** Member countries coloured by overall status, named, neighbours in grey; each member links to its page. */
export function countryMap(geo, countries, { lang, width }) {
  const byNumeric = new Map(countries.map((c) => [c.iso_numeric, c]));
  const members = geo.features.filter((f) => byNumeric.has(f.id));
  const others = geo.features.filter((f) => !byNumeric.has(f.id));
  const country = (f) => byNumeric.get(f.id);
  const status = (f) => (country(f).status in PLOT_SYMBOLS ? country(f).status : "no_data");
  const name = (f) => `${countryName(lang, country(f))} — ${label(lang, "target_status", status(f))}`;
  const known = members.filter((f) => status(f) !== "no_data");
  const unknown = members.filter((f) => status(f) === "no_data");
  const svg = Plot.plot({
    width,
    height: Math.round(width * 0.62),
    projection: { type: "mercator", domain: { type: "FeatureCollection", features: members }, inset: 10 },
    marks: [
      Plot.geo(others, { fill: "#e4e4e4", stroke: "#ffffff" }),
      Plot.geo(known, { fill: (f) => STATUS_COLORS[status(f)], stroke: "#ffffff", strokeWidth: 1, href: (f) => `./pays/${country(f).country_code}`, title: name }),
      Plot.geo(unknown, { fill: STATUS_COLORS.no_data, stroke: "#555555", strokeDasharray: "4,3", href: (f) => `./pays/${country(f).country_code}`, title: name }),
      Plot.dot(known, Plot.geoCentroid({ symbol: (f) => PLOT_SYMBOLS[status(f)], r: 5, fill: "#fff", stroke: "#000", strokeWidth: 1.2 })),
      Plot.text(unknown, Plot.geoCentroid({ text: () => STATUS_SYMBOLS.no_data, fontWeight: 700, fontSize: 14, fill: "#333" })),
      Plot.text(members, Plot.geoCentroid({
        text: (f) => countryName(lang, country(f)), dy: 14, fontSize: 11, fill: "#000", stroke: "#fff", strokeWidth: 3, paintOrder: "stroke",
      })),
    ],
  });
  // Each link is read out with the country's name and status.
  for (const a of svg.querySelectorAll("a")) {
    const title = a.querySelector("title")?.textContent;
    if (title) a.setAttribute("aria-label", title);
  }
  return svg;
}
