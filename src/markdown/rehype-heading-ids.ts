import GithubSlugger, { slug } from "github-slugger";
import type { Element, ElementContent, Root } from "hast";
import { toString } from "hast-util-to-string";
import type { VFile } from "vfile";
import type { HeadingEntry } from "./render-context.js";
import { walkElements } from "./walk-tree.js";

/**
 * Heading ids start with this prefix. Footnote ids (`fn-…`, `fnref-…`, `footnote-label`) never do,
 * so a heading called "fn 1" cannot take a footnote's id; and every id has a hyphen, so none can
 * clobber a global (`window.x`) in the page's scripts.
 */
export const HEADING_ID_PREFIX = "h-";

const RANKS: Record<string, number> = { h2: 2, h3: 3, h4: 4 };

/**
 * Gives h2–h4 stable, unique ids (`h-` + GitHub's slug, which keeps Chinese, Cyrillic and accented
 * letters readable: `h-背景`, `h-контекст`) and lists them in `file.data.headings`. Ids in the
 * source are replaced; the footnotes' own label is left alone.
 */
export function rehypeHeadingIds() {
  return (tree: Root, file: VFile): undefined => {
    const slugger = new GithubSlugger();
    const headings: HeadingEntry[] = [];
    walkElements(tree, (node, _index, parent) => {
      const depth = RANKS[node.tagName];
      if (!depth || isFootnoteSection(parent)) return;
      const text = headingText(node);
      const id = HEADING_ID_PREFIX + slugger.slug(slug(text) ? text : "section");
      node.properties.id = id;
      headings.push({ depth, id, text });
    });
    file.data.headings = headings;
  };
}

/** The id of a heading named by a link fragment (`#lessons-learned` or `#h-lessons-learned`). */
export function headingIdForFragment(fragment: string): string {
  let decoded = fragment;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    // A broken escape is kept as written.
  }
  return decoded.startsWith(HEADING_ID_PREFIX) ? decoded : HEADING_ID_PREFIX + slug(decoded);
}

/** The heading's text without its footnote calls, whitespace collapsed. */
function headingText(node: Element): string {
  return node.children
    .filter((child) => !isFootnoteCall(child))
    .map((child) => toString(child))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

function isFootnoteCall(node: ElementContent): boolean {
  return (
    node.type === "element" &&
    node.tagName === "sup" &&
    node.children.some((child) => child.type === "element" && child.properties.dataFootnoteRef !== undefined)
  );
}

function isFootnoteSection(parent: Root | Element | undefined): boolean {
  return parent?.type === "element" && parent.tagName === "section" && parent.properties.dataFootnotes !== undefined;
}
