import { randomBytes } from "node:crypto";
import type { Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { walkHast } from "../markdown/walk-tree.js";

/** Unguessable, so that no text of a case can pass for a placeholder. */
const MARK = `<!--casebook-${randomBytes(12).toString("hex")}-`;
const MARKS = new RegExp(`${MARK}(\\d+)-->`, "g");

/**
 * Serialises a page. Raw nodes are fragments that were sanitised and serialised already (case
 * bodies, case cards): they are only ever made by our own templates. They are put in after the rest
 * of the page is serialised, in one pass: serialised inside the tree, a 4 MB list of cards would be
 * copied again at every level of the document around it (about 50 ms a level).
 */
export function serialisePage(tree: Root): string {
  const fragments: string[] = [];
  walkHast(tree, (node) => {
    if (node.type === "raw") node.value = `${MARK}${fragments.push(node.value) - 1}-->`;
  });
  const outline = toHtml(tree, { allowDangerousHtml: true });
  if (fragments.length === 0) return outline;
  const parts: string[] = [];
  let from = 0;
  let next = 0;
  for (const match of outline.matchAll(MARKS)) {
    if (Number(match[1]) !== next) throw new Error("a page's placeholders came out of order");
    parts.push(outline.slice(from, match.index), fragments[next++]!);
    from = match.index + match[0].length;
  }
  if (next !== fragments.length) throw new Error("a page lost some of its placeholders");
  parts.push(outline.slice(from));
  return parts.join("");
}
