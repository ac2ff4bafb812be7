import * as Plot from "@observablehq/plot";
import { label } from "imaginecole/core";
import { countryName } from "./i18n.js";

export const STATUS_COLORS = { on_track: "#1a7f37", at_risk: "#e08a00", off_track: "#c4171d", no_data: "#b5b5b5" };

/** Member countries coloured by overall status, neighbours in grey; each member links to its page. */
export function countryMap(geo, countries, { lang, width }) {
  const byNumeric = new Map(countries.map((c) => [c.iso_numeric, c]));
  const members = geo.features.filter((f) => byNumeric.has(f.id));
  const others = geo.features.filter((f) => !byNumeric.has(f.id));
  const country = (f) => byNumeric.get(f.id);
  return Plot.plot({
    width,
    height: Math.round(width * 0.62),
    projection: { type: "mercator", domain: { type: "FeatureCollection", features: members }, inset: 10 },
    marks: [
      Plot.geo(others, { fill: "#eeeeee", stroke: "#ffffff" }),
      Plot.geo(members, {
        fill: (f) => STATUS_COLORS[country(f).status] ?? STATUS_COLORS.no_data,
        stroke: "#ffffff",
        strokeWidth: 1,
        href: (f) => `./pays/${country(f).country_code}`,
        title: (f) => `${countryName(lang, country(f))} — ${label(lang, "target_status", country(f).status)}`,
      }),
      Plot.text(members, Plot.geoCentroid({ text: (f) => country(f).country_code, fill: "#fff", fontWeight: 700, stroke: "#0006", strokeWidth: 2, paintOrder: "stroke" })),
    ],
  });
}
