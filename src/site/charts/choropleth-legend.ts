import type { Element } from "hast";
import { s } from "hastscript";
import type { ValueFormat } from "./chart-frame.js";
import { round1 } from "./chart-frame.js";
import { fallbackFill } from "./choropleth-scale.js";
import { textWidth } from "./text-fit.js";

export const legendFontSize = 20;
const swatch = 20;
const rowHeight = 32;
const entryGap = 24;

export interface Legend {
  element: Element;
  height: number;
}

/**
 * The key of a choropleth, laid out in rows under the map: an optional title, then a swatch and a range
 * ("1", "2–3", "4–10"…) per step in use, after the "no cases" step when it has a label.
 */
export function choroplethLegend(options: {
  top: number;
  width: number;
  breaks: readonly number[];
  format: ValueFormat;
  title?: string | undefined;
  noCases?: string | undefined;
}): Legend {
  const { breaks, format } = options;
  const entries: { step: number; label: string }[] = [];
  if (options.noCases !== undefined) entries.push({ step: 0, label: options.noCases });
  breaks.forEach((bound, index) => {
    const low = (breaks[index - 1] ?? 0) + 1;
    entries.push({ step: index + 1, label: low === bound ? format(bound) : `${format(low)}–${format(bound)}` });
  });

  const children: Element[] = [];
  let x = 0;
  let row = 0;
  const place = (itemWidth: number): [number, number] => {
    if (x > 0 && x + itemWidth > options.width) {
      x = 0;
      row += 1;
    }
    const at: [number, number] = [x, options.top + row * rowHeight + rowHeight / 2];
    x += itemWidth + entryGap;
    return at;
  };
  if (options.title !== undefined) {
    const [titleX, middle] = place(textWidth(options.title) * legendFontSize);
    const properties = { className: ["choropleth-legend-title"], x: titleX, y: middle, dominantBaseline: "central" };
    children.push(s("text", properties, options.title));
  }
  for (const entry of entries) {
    const [entryX, middle] = place(swatch + 6 + textWidth(entry.label) * legendFontSize);
    children.push(
      s("g", [
        s("rect", {
          className: [`choropleth-${entry.step}`],
          x: entryX,
          y: round1(middle - swatch / 2),
          width: swatch,
          height: swatch,
          fill: fallbackFill[entry.step],
          stroke: "currentColor",
          strokeOpacity: 0.4,
        }),
        s("text", { x: entryX + swatch + 6, y: middle, dominantBaseline: "central" }, entry.label),
      ]),
    );
  }
  const height = children.length === 0 ? 0 : (row + 1) * rowHeight;
  return { element: s("g", { className: ["choropleth-legend"], fontSize: legendFontSize }, children), height };
}
