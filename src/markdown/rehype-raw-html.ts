import type { Element, Root } from "hast";
import rehypeRaw from "rehype-raw";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";

/**
 * Parses the author's raw HTML (`raw` nodes from remark-rehype) into elements with rehype-raw, so
 * that the sanitiser sees it as a browser would. Two adjustments around rehype-raw 7:
 * - a tree without raw HTML (most cases) is left alone: re-parsing it changes nothing but costs time;
 * - hast-util-raw feeds `<pre>` to parse5 without resetting its "skip the newline after `<pre>`"
 *   flag before `<code>`, so a code block that starts with a blank line would lose it. We add one
 *   newline there for parse5 to eat (a fixture, `code-blocks`, fails when a fix upstream lands).
 */
export function rehypeRawHtml() {
  const reparse = rehypeRaw();
  return (tree: Root, file: VFile): Root => {
    let hasRaw = false;
    visit(tree, "raw", () => {
      hasRaw = true;
      return false;
    });
    if (!hasRaw) return tree;
    visit(tree, "element", (node: Element) => {
      const code = node.tagName === "pre" ? node.children[0] : undefined;
      const text = code?.type === "element" && code.tagName === "code" ? code.children[0] : undefined;
      if (text?.type === "text" && text.value.startsWith("\n")) text.value = `\n${text.value}`;
    });
    return reparse(tree, file);
  };
}
