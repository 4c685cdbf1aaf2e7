import type { Element } from "hast";
import { s } from "hastscript";
import type { ChartResult, ChartText, ValueFormat } from "./chart-frame.js";
import { chartSvg, checkValue, defaultValueFormat, round1 } from "./chart-frame.js";
import { choroplethLegend } from "./choropleth-legend.js";
import { choroplethBreaks, choroplethStep, fallbackFill } from "./choropleth-scale.js";
import { dataTable } from "./data-table.js";
import { smallCountryPoint, worldGeometry } from "./world-geometry.js";

export interface WorldChoroplethOptions extends ChartText {
  /** Cases per country, keyed by ISO 3166-1 alpha-2 code ("CN"). */
  counts: ReadonlyMap<string, number>;
  /** The localized name of a country from its alpha-2 code. */
  countryName: (alpha2: string) => string;
  valueFormat?: ValueFormat | undefined;
  /** Tooltip of a country with cases; default `"China: 12 cases"`. */
  countLabel?: ((name: string, count: number, formatted: string) => string) | undefined;
  /** Legend heading, e.g. "Cases"; none by default. */
  legendTitle?: string | undefined;
  /** Legend entry of countries without cases, e.g. "No cases"; without it the legend shows steps with cases only. */
  noCasesLabel?: string | undefined;
  /** Column headers of the fallback table, e.g. `["Country", "Cases"]`. */
  tableHeaders?: readonly [string, string] | undefined;
}

const markerRadius = 4;
/** Thin borders in the text colour, until the theme styles `.choropleth-countries`. */
const borders = { stroke: "currentColor", strokeOpacity: 0.35, strokeWidth: 0.5, strokeLinejoin: "round" };
const legendGap = 16;

const defaultCountLabel = (name: string, _count: number, formatted: string) => `${name}: ${formatted} cases`;

/**
 * A world map of cases per country (Natural Earth 110m, Equal Earth projection). Each country is a `<path>`
 * with class `choropleth-0` (no cases) to `choropleth-5` and `data-country="CN"`; countries with cases have a
 * `<title>` with their count. Countries too small for the map get a circle at their centroid. A legend is drawn
 * under the map; the table lists every entry of `counts`, most cases first.
 */
export function worldChoropleth(options: WorldChoroplethOptions): ChartResult {
  const format = options.valueFormat ?? defaultValueFormat;
  const countLabel = options.countLabel ?? defaultCountLabel;
  const counts = new Map<string, number>();
  for (const [code, count] of options.counts) counts.set(code.toUpperCase(), checkValue(count, code));
  const breaks = choroplethBreaks(Math.max(0, ...counts.values()));
  const geometry = worldGeometry();

  const titleOf = (alpha2: string, count: number) =>
    s("title", countLabel(options.countryName(alpha2), count, format(count)));
  const drawn = new Set<string>();
  const paths = geometry.shapes.map((shape): Element => {
    const count = shape.alpha2 === undefined ? undefined : counts.get(shape.alpha2);
    const step = choroplethStep(count, breaks);
    if (shape.alpha2 !== undefined) drawn.add(shape.alpha2);
    return s(
      "path",
      { className: [`choropleth-${step}`], dataCountry: shape.alpha2, fill: fallbackFill[step], d: shape.d },
      step > 0 && shape.alpha2 !== undefined && count !== undefined ? [titleOf(shape.alpha2, count)] : [],
    );
  });

  const markers: Element[] = [];
  for (const [alpha2, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const step = choroplethStep(count, breaks);
    const point = step > 0 && !drawn.has(alpha2) ? smallCountryPoint(alpha2) : undefined;
    if (!point) continue;
    markers.push(
      s(
        "circle",
        {
          className: [`choropleth-${step}`, "choropleth-marker"],
          dataCountry: alpha2,
          cx: round1(point[0]),
          cy: round1(point[1]),
          r: markerRadius,
          fill: fallbackFill[step],
        },
        [titleOf(alpha2, count)],
      ),
    );
  }

  const legend = choroplethLegend({
    top: geometry.height + legendGap,
    width: geometry.width,
    breaks,
    format,
    title: options.legendTitle,
    noCases: options.noCasesLabel,
  });
  const height = geometry.height + (legend.height > 0 ? legendGap + legend.height : 0);
  const svg = chartSvg(options, { width: geometry.width, height, className: "chart-choropleth" }, [
    s("g", { className: ["choropleth-countries"], ...borders }, [...paths, ...markers]),
    legend.element,
  ]);

  const rows = [...counts]
    .sort(([codeA, a], [codeB, b]) => b - a || (codeA < codeB ? -1 : codeA > codeB ? 1 : 0))
    .map(([alpha2, count]) => ({ label: options.countryName(alpha2), value: count, formatted: format(count) }));
  const table = dataTable({ idPrefix: options.idPrefix, caption: options.title, headers: options.tableHeaders, rows });
  return { svg, table };
}
