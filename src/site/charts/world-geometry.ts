import { createRequire } from "node:module";
import { geoCentroid, geoEqualEarth, geoPath } from "d3-geo";
import type { GeoProjection } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { countries } from "../../../schema/countries.js";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { CompactPath } from "./compact-path.js";

export interface CountryShape {
  /** ISO 3166-1 alpha-2, when the Natural Earth shape is a country or territory that has one. */
  alpha2: string | undefined;
  /** SVG path data in map units. */
  d: string;
}

export interface WorldGeometry {
  width: number;
  height: number;
  shapes: readonly CountryShape[];
  projection: GeoProjection;
}

export const mapWidth = 960;

/** Antarctica: left out, it would take a fifth of the map and no case is there. */
const leftOut = new Set(["010"]);
/** Natural Earth shapes without an ISO numeric code that still have an alpha-2 in use. */
const alpha2ByName: Record<string, string> = { Kosovo: "XK" };

const require = createRequire(import.meta.url);
let world: WorldGeometry | undefined;
let detailed: Map<string, Feature> | undefined;

/**
 * The countries of world-atlas 110m (Natural Earth) in the Equal Earth projection, fitted to `mapWidth`.
 * Computed once per process: the map is the same for every chart, only its shading changes.
 */
export function worldGeometry(): WorldGeometry {
  if (world) return world;
  const collection = countryFeatures("world-atlas/countries-110m.json");
  collection.features = collection.features.filter((country) => !leftOut.has(String(country.id)));
  const projection = geoEqualEarth().fitWidth(mapWidth, collection);
  const context = new CompactPath();
  const path = geoPath(projection, context);
  const shapes: CountryShape[] = [];
  for (const country of collection.features) {
    path(country);
    const d = context.result();
    if (d !== undefined) shapes.push({ alpha2: alpha2Of(country), d });
  }
  const height = Math.ceil(geoPath(projection).bounds(collection)[1][1]);
  world = { width: mapWidth, height, shapes, projection };
  return world;
}

/**
 * Where to put a marker for a country too small for the 110m map (Singapore, Malta, Hong Kong…): the
 * projected centroid of its 50m shape, or undefined when Natural Earth has no shape for it.
 */
export function smallCountryPoint(alpha2: string): [number, number] | undefined {
  const numeric = countries.alpha2ToNumeric(alpha2);
  if (numeric === undefined) return undefined;
  detailed ??= new Map(
    countryFeatures("world-atlas/countries-50m.json").features.map((country) => [String(country.id), country]),
  );
  const country = detailed.get(numeric);
  if (!country) return undefined;
  return worldGeometry().projection(geoCentroid(country)) ?? undefined;
}

function countryFeatures(file: string): FeatureCollection<Geometry, { name: string }> {
  const topology = require(file) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return feature(topology, topology.objects.countries);
}

function alpha2Of(country: Feature<Geometry, { name: string }>): string | undefined {
  if (country.id === undefined) return alpha2ByName[country.properties.name];
  return countries.numericToAlpha2(String(country.id));
}
