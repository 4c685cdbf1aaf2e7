import type { Element } from "hast";
import { s } from "hastscript";
import type { ChartResult, ChartText, ValueFormat } from "./chart-frame.js";
import { chartSvg, checkValue, defaultValueFormat, round1 } from "./chart-frame.js";
import { dataTable } from "./data-table.js";
import { textWidth } from "./text-fit.js";

export interface ColumnChartPoint {
  /** Shown under the column, e.g. a year. */
  label: string;
  value: number;
}

export interface ColumnChartOptions extends ChartText {
  /** Drawn left to right in this order. */
  points: readonly ColumnChartPoint[];
  valueFormat?: ValueFormat | undefined;
  /** Column headers of the fallback table, e.g. `["Year", "Cases"]`. */
  tableHeaders?: readonly [string, string] | undefined;
}

const width = 640;
const plotHeight = 240;
const fontSize = 14;
const top = 24;
const side = 8;
const labelBand = 28;

/**
 * Vertical columns for a time series, each with its value above it and its label below. When columns are too
 * narrow for every label, only every n-th label (and value) is written; each column keeps a `<title>` with its
 * label and value, and the table lists them all. Classes: `chart-column`, `chart-axis`, `chart-label`, `chart-value`.
 */
export function columnChart(options: ColumnChartOptions): ChartResult {
  const format = options.valueFormat ?? defaultValueFormat;
  const points = options.points.map((point) => ({
    ...point,
    value: checkValue(point.value, point.label),
    formatted: format(point.value),
  }));
  const max = Math.max(0, ...points.map((point) => point.value));
  const slot = (width - 2 * side) / Math.max(1, points.length);
  const columnWidth = Math.min(slot * 0.7, 56);
  const baseline = top + plotHeight;
  const widest = (texts: string[]) => Math.max(0, ...texts.map((text) => textWidth(text) * fontSize)) + 6;
  const labelStep = Math.max(1, Math.ceil(widest(points.map((point) => point.label)) / slot));
  const valueStep = Math.max(1, Math.ceil(widest(points.map((point) => point.formatted)) / slot));

  const marks = points.map((point, index): Element => {
    const middle = side + slot * index + slot / 2;
    const columnHeight = max > 0 ? round1((point.value / max) * plotHeight) : 0;
    const children: Element[] = [
      s("title", `${point.label}: ${point.formatted}`),
      s("rect", {
        className: ["chart-column"],
        x: round1(middle - columnWidth / 2),
        y: round1(baseline - columnHeight),
        width: round1(columnWidth),
        height: columnHeight,
        dataValue: String(point.value),
      }),
    ];
    if (index % valueStep === 0) {
      const y = round1(baseline - columnHeight - 6);
      children.push(s("text", { className: ["chart-value"], x: round1(middle), y, textAnchor: "middle" }, point.formatted));
    }
    if (index % labelStep === 0) {
      children.push(
        s(
          "text",
          { className: ["chart-label"], x: round1(middle), y: baseline + labelBand - 8, textAnchor: "middle" },
          point.label,
        ),
      );
    }
    return s("g", children);
  });

  const svg = chartSvg(options, { width, height: baseline + labelBand, className: "chart-columns" }, [
    s("g", { fontSize }, [
      ...marks,
      s("line", {
        className: ["chart-axis"],
        x1: side,
        x2: width - side,
        y1: baseline,
        y2: baseline,
        stroke: "currentColor",
      }),
    ]),
  ]);
  const table = dataTable({
    idPrefix: options.idPrefix,
    caption: options.title,
    headers: options.tableHeaders,
    rows: points.map((point) => ({ label: point.label, value: point.value, formatted: point.formatted })),
  });
  return { svg, table };
}
