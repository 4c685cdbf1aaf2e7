import type { Element, Root } from "hast";
import type { VFile } from "vfile";
import { LABELS } from "./localized-labels.js";
import { renderOption, type RenderOptions } from "./render-context.js";
import { walkElements } from "./walk-tree.js";

export type RehypeTableWrappersOptions = Partial<Pick<RenderOptions, "lang">>;

/**
 * Wraps each table in `<div class="table-wrap" role="region" tabindex="0" aria-label="Table n">`,
 * so a wide table scrolls on its own (and by keyboard) instead of widening the page. The label is
 * in the reader's language; tables are numbered in document order.
 */
export function rehypeTableWrappers(options?: RehypeTableWrappersOptions) {
  return (tree: Root, file: VFile): undefined => {
    const labels = LABELS[renderOption(file, "lang", options) ?? "en"];
    let count = 0;
    walkElements(tree, (node, index, parent) => {
      if (node.tagName !== "table") return;
      if (parent.type === "element" && isWrapper(parent)) return;
      count += 1;
      const wrapper: Element = {
        type: "element",
        tagName: "div",
        properties: { className: ["table-wrap"], role: "region", tabIndex: 0, ariaLabel: labels.table(count) },
        children: [node],
      };
      if (node.position) wrapper.position = node.position;
      parent.children.splice(index, 1, wrapper);
    });
  };
}

function isWrapper(node: Element): boolean {
  const className = node.properties.className;
  return node.tagName === "div" && Array.isArray(className) && className.includes("table-wrap");
}
