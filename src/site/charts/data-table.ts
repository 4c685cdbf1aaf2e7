import type { Element, ElementContent } from "hast";
import { h } from "hastscript";

export interface DataTableRow {
  /** The row header: plain text or, for a linked label, an element. */
  label: string | ElementContent;
  value: number;
  formatted: string;
}

/**
 * The fallback of a chart: an HTML table with the chart's title as caption and one row per datum, in the
 * order drawn. The caller shows it beside the chart or hides it visually (`class="visually-hidden"`).
 */
export function dataTable(options: {
  idPrefix: string;
  caption: string;
  /** Column headers, localized by the caller; without them the table has row headers only. */
  headers?: readonly [string, string] | undefined;
  rows: readonly DataTableRow[];
}): Element {
  const { idPrefix, caption, headers, rows } = options;
  const head = headers
    ? [h("thead", [h("tr", [h("th", { scope: "col" }, headers[0]), h("th", { scope: "col" }, headers[1])])])]
    : [];
  const body = h(
    "tbody",
    rows.map((row) =>
      h("tr", [h("th", { scope: "row" }, [row.label]), h("td", { dataValue: String(row.value) }, row.formatted)]),
    ),
  );
  return h("table", { id: `${idPrefix}-table`, className: ["chart-table"] }, [h("caption", caption), ...head, body]);
}
