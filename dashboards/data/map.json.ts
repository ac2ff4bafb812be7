// The map's shapes: the member countries and their neighbours from world-atlas (1:110m), as
// GeoJSON with rounded coordinates. Members come from the warehouse, so a new country is data.
import { geoBounds } from "d3";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { Feature, Geometry } from "geojson";
import { runLoader } from "./lib/warehouse.ts";

const require = createRequire(import.meta.url);
const MARGIN = 6; // degrees of neighbouring land shown around the members

await runLoader(async (db) => {
  const members = new Set((await db.query<{ iso_numeric: string }>("countries")).map((c) => c.iso_numeric));
  const world = JSON.parse(readFileSync(require.resolve("world-atlas/countries-110m.json"), "utf8")) as Topology;
  const all = feature(world, world.objects.countries as GeometryCollection).features as Feature<Geometry>[];
  const memberShapes = all.filter((f) => members.has(String(f.id)));
  const box = memberShapes.map((f) => geoBounds(f)).reduce(
    ([[x0, y0], [x1, y1]], [[a0, b0], [a1, b1]]) => [[Math.min(x0, a0), Math.min(y0, b0)], [Math.max(x1, a1), Math.max(y1, b1)]],
    [[180, 90], [-180, -90]],
  );
  const near = all.filter((f) => {
    const [[x0, y0], [x1, y1]] = geoBounds(f);
    return x1 >= box[0][0] - MARGIN && x0 <= box[1][0] + MARGIN && y1 >= box[0][1] - MARGIN && y0 <= box[1][1] + MARGIN;
  });
  return {
    type: "FeatureCollection",
    features: near.map((f) => ({
      type: "Feature",
      id: String(f.id),
      properties: { member: members.has(String(f.id)) },
      geometry: round(f.geometry),
    })),
  };
});

function round(geometry: Geometry): Geometry {
  const r = (c: unknown): unknown => (typeof c === "number" ? Math.round(c * 100) / 100 : (c as unknown[]).map(r));
  return { ...geometry, coordinates: r((geometry as { coordinates: unknown }).coordinates) } as Geometry;
}
