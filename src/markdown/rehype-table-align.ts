import type { Root } from "hast";
import { walkElements } from "./walk-tree.js";

const ALIGNS = new Set(["left", "center", "right"]);

/**
 * GFM column alignment (`| --: |`) comes out of remark-rehype as `align="right"` on th/td, an
 * attribute HTML no longer has. It becomes a class, `align-left|center|right`, for the theme to
 * style (`.align-right { text-align: right }`); raw HTML tables get the same treatment.
 */
export function rehypeTableAlign() {
  return (tree: Root): undefined => {
    walkElements(tree, (node) => {
      if (node.tagName !== "th" && node.tagName !== "td") return;
      const align = node.properties.align;
      if (align === undefined) return;
      delete node.properties.align;
      const value = String(align).toLowerCase();
      if (!ALIGNS.has(value)) return;
      const className = Array.isArray(node.properties.className) ? node.properties.className : [];
      node.properties.className = [...className, `align-${value}`];
    });
  };
}
