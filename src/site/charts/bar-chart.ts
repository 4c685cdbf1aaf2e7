import type { Element, ElementContent } from "hast";
import { h, s } from "hastscript";
import type { ChartResult, ChartText, ValueFormat } from "./chart-frame.js";
import { chartSvg, checkValue, defaultValueFormat, round1 } from "./chart-frame.js";
import { dataTable } from "./data-table.js";
import { fitText, textWidth } from "./text-fit.js";

export interface BarChartRow {
  label: string;
  value: number;
  /** Links the label, in the chart and in the table. */
  href?: string | undefined;
}

export interface BarChartOptions extends ChartText {
  /** Drawn top to bottom in this order. */
  rows: readonly BarChartRow[];
  valueFormat?: ValueFormat | undefined;
  /** Column headers of the fallback table, e.g. `["Sector", "Cases"]`. */
  tableHeaders?: readonly [string, string] | undefined;
}

const width = 640;
const fontSize = 14;
const lineHeight = 17;
const labelWidth = 236;
const maxLabelLines = 2;
const gap = 8;
const barHeight = 18;
const padding = 6;
const centred = { dominantBaseline: "central" };

/**
 * A horizontal bar chart: labels on the left (wrapped to two lines, then cut with "…" and the full label in a
 * `<title>`), a bar proportional to each value, the value at the end of the bar.
 * Classes: `chart-label`, `chart-link`, `chart-bar`, `chart-value`.
 */
export function barChart(options: BarChartOptions): ChartResult {
  const format = options.valueFormat ?? defaultValueFormat;
  const rows = options.rows.map((row) => ({
    ...row,
    value: checkValue(row.value, row.label),
    formatted: format(row.value),
    fitted: fitText(row.label, (labelWidth - padding) / fontSize, maxLabelLines),
  }));
  const max = Math.max(0, ...rows.map((row) => row.value));
  const valueRoom = Math.max(32, ...rows.map((row) => textWidth(row.formatted) * fontSize)) + gap;
  const barX = labelWidth + gap;
  const barRoom = width - barX - valueRoom;
  const lines = Math.max(1, ...rows.map((row) => row.fitted.lines.length));
  const rowHeight = Math.max(barHeight, lines * lineHeight) + 2 * padding;

  const marks = rows.map((row, index): Element => {
    const middle = padding + index * rowHeight + rowHeight / 2;
    const barWidth = max > 0 ? round1((row.value / max) * barRoom) : 0;
    const firstLine = middle - ((row.fitted.lines.length - 1) * lineHeight) / 2;
    const tspans = row.fitted.lines.map((line, lineIndex) =>
      s("tspan", { x: labelWidth, y: round1(firstLine + lineIndex * lineHeight) }, line),
    );
    const title = row.fitted.truncated ? [s("title", row.label)] : [];
    const text = s("text", { className: ["chart-label"], textAnchor: "end", ...centred }, [
      ...title,
      ...tspans,
    ]);
    return s("g", { className: ["chart-row"] }, [
      row.href === undefined ? text : s("a", { href: row.href, className: ["chart-link"] }, [text]),
      s("rect", {
        className: ["chart-bar"],
        x: barX,
        y: round1(middle - barHeight / 2),
        width: barWidth,
        height: barHeight,
        dataValue: String(row.value),
      }),
      s("text", { className: ["chart-value"], x: round1(barX + barWidth + gap / 2), y: round1(middle), ...centred }, [
        row.formatted,
      ]),
    ]);
  });

  const height = rows.length * rowHeight + 2 * padding;
  const svg = chartSvg(options, { width, height, className: "chart-bars" }, [
    s("g", { fontSize }, marks),
  ]);
  const table = dataTable({
    idPrefix: options.idPrefix,
    caption: options.title,
    headers: options.tableHeaders,
    rows: rows.map((row) => ({ label: tableLabel(row), value: row.value, formatted: row.formatted })),
  });
  return { svg, table };
}

function tableLabel(row: BarChartRow): string | ElementContent {
  return row.href === undefined ? row.label : h("a", { href: row.href }, row.label);
}
