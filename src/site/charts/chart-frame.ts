import type { Element, ElementContent } from "hast";
import { s } from "hastscript";

/** What every chart returns: the picture and the same numbers as a table for readers who cannot see it. */
export interface ChartResult {
  svg: Element;
  table: Element;
}

/** The caller's words for a chart, already localized, and the prefix that keeps its ids unique on the page. */
export interface ChartText {
  title: string;
  description: string;
  /** Starts with a letter; letters, digits, `-` and `_` only. Ids made: `<prefix>-title`, `-desc`, `-table`. */
  idPrefix: string;
}

export type ValueFormat = (value: number) => string;

export const defaultValueFormat: ValueFormat = (value) => String(value);

const idPattern = /^[A-Za-z][\w-]*$/;

/**
 * The `<svg>` of a chart: sized by its viewBox only, so it scales to its container; `role="img"` named by its
 * `<title>` and `<desc>`. Marks inherit `fill="currentColor"` so a chart reads in light and dark themes even
 * before the theme styles its classes.
 */
export function chartSvg(
  text: ChartText,
  size: { width: number; height: number; className: string },
  children: ElementContent[],
): Element {
  const { idPrefix } = text;
  if (!idPattern.test(idPrefix)) {
    throw new TypeError(`chart idPrefix ${JSON.stringify(idPrefix)} is not a valid id: use letters, digits, - and _`);
  }
  return s(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `0 0 ${round1(size.width)} ${round1(size.height)}`,
      role: "img",
      ariaLabelledBy: `${idPrefix}-title ${idPrefix}-desc`,
      className: ["chart", size.className],
      fill: "currentColor",
    },
    [
      s("title", { id: `${idPrefix}-title` }, text.title),
      s("desc", { id: `${idPrefix}-desc` }, text.description),
      ...children,
    ],
  );
}

/** One decimal is a tenth of a viewBox unit: invisible, and keeps the markup small and byte-stable. */
export function round1(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 ? 0 : rounded;
}

/** Values a chart can draw: finite and not negative. */
export function checkValue(value: number, where: string): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`chart value for ${JSON.stringify(where)} must be a finite number ≥ 0, got ${value}`);
  }
  return value;
}
