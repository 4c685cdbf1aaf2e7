import type { Element } from "hast";
import { h } from "hastscript";

/**
 * Chromium ignores `break-before: right`, so a part or chapter that must open on a right-hand page
 * gets a blank left-hand page in front of it when it would land on an even page. Every such place
 * has a hidden filler; `paginate.ts` shows the ones it needs after reading the first print.
 */
export function versoFiller(anchor: string): Element {
  return h("div.verso-filler", { dataFor: anchor, hidden: true, ariaHidden: "true" });
}
