import type { Element, Root } from "hast";
import { h } from "hastscript";
import { walkElements } from "./walk-tree.js";

/**
 * An image alone in its paragraph that has a title becomes a figure, the title its caption:
 * `![Map of the campus](images/map.png "The training centre in 2023")` →
 * `<figure><img src alt><figcaption>The training centre in 2023</figcaption></figure>`.
 * The title leaves the image, so it is not read twice.
 */
export function rehypeFigures() {
  return (tree: Root): undefined => {
    walkElements(tree, (node, index, parent) => {
      if (node.tagName !== "p") return;
      const image = loneImage(node);
      const caption = image?.properties.title;
      if (!image || typeof caption !== "string" || !caption.trim()) return;
      const { title: _title, ...properties } = image.properties;
      const figure = h("figure", [{ ...image, properties }, h("figcaption", caption.trim())]);
      if (node.position) figure.position = node.position;
      parent.children.splice(index, 1, figure);
    });
  };
}

function loneImage(paragraph: Element): Element | undefined {
  let image: Element | undefined;
  for (const child of paragraph.children) {
    if (child.type === "text" && !child.value.trim()) continue;
    if (image || child.type !== "element" || child.tagName !== "img") return undefined;
    image = child;
  }
  return image;
}
