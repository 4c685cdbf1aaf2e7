import type { Element, Root, RootContent } from "hast";
import rehypeRaw from "rehype-raw";
import type { VFile } from "vfile";
import { walkElements, walkHast } from "./walk-tree.js";

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
    walkHast(tree, (node) => {
      if (node.type === "raw") hasRaw = true;
    });
    if (!hasRaw) return tree;
    walkElements(tree, (node: Element) => {
      const code = node.tagName === "pre" ? node.children[0] : undefined;
      const text = code?.type === "element" && code.tagName === "code" ? code.children[0] : undefined;
      if (text?.type === "text" && text.value.startsWith("\n")) text.value = `\n${text.value}`;
    });
    let parsed: Root;
    try {
      parsed = reparse(tree, file) as Root;
    } catch (error) {
      // hast-util-from-parse5 recurses once per level: thousands of nested tags overflow the stack.
      // Such markup is shown as text instead (the sanitiser still runs on everything after this).
      if (!(error instanceof RangeError)) throw error;
      walkHast(tree, (node, index, parent) => {
        if (node.type === "raw") parent.children[index] = { type: "text", value: node.value };
      });
      return tree;
    }
    capDepth(parsed);
    return parsed;
  };
}

/**
 * Elements of raw HTML nested deeper than this are replaced by their text: every later stage
 * (sanitising, serialising, the browser) walks the tree recursively. Chromium's parser caps nesting
 * at 512 for the same reason. Markdown itself cannot nest this deep (see markdown-limits.ts).
 */
export const MAX_HTML_DEPTH = 256;

/** Walks the tree without recursion and flattens what is nested deeper than MAX_HTML_DEPTH. */
function capDepth(tree: Root): void {
  const stack: [Root | Element, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    node.children.forEach((child, i) => {
      if (child.type !== "element") return;
      if (depth + 1 < MAX_HTML_DEPTH) stack.push([child, depth + 1]);
      else node.children[i] = { type: "text", value: textOf(child) };
    });
  }
}

function textOf(root: Element): string {
  const parts: string[] = [];
  const stack: (Root | RootContent)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "text") parts.push(node.value);
    else if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return parts.join("");
}
