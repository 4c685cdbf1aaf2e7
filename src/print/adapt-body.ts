import type { Element, ElementContent, Root } from "hast";
import { h } from "hastscript";
import { walkElements } from "../markdown/walk-tree.js";
import { anchors, HTML_LANG, pageRef, textWith, type PrintContext } from "./print-context.js";

/** Anchors a book's text points to, so the book can tell which of them must exist. */
export interface BodyRefs {
  /** Anchors this text links to with a page number. */
  targets: Set<string>;
}

/**
 * Turns the web rendering of a Markdown text (a case body or the introduction) into print: every
 * id gets the text's prefix (the combined book has unique ids), headings move one level down
 * (h1 parts, h2 cases, h3 sections…), links to other cases point inside the book and are followed
 * by "(see Case 12, p. 143)", footnote back-links go (paper has no "back"), and web-only attributes
 * are dropped. The tree is the print stage's own copy and is changed in place.
 */
export function adaptBody(tree: Root, scope: string, ctx: PrintContext, refs: BodyRefs): ElementContent[] {
  const local = (id: string) => `${scope}--${id}`;
  walkElements(tree, (node, index, parent) => {
    const p = node.properties;
    if (p["dataFootnoteBackref"] !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    if (typeof p["id"] === "string") p["id"] = local(p["id"]);
    for (const key of ["ariaDescribedBy", "ariaLabelledBy"])
      if (Array.isArray(p[key])) p[key] = (p[key] as string[]).map((id) => local(String(id)));
    const depth = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (depth) node.tagName = `h${Math.min(6, Math.max(3, Number(depth) + 1))}`;
    if (node.tagName === "h3" && (p["className"] as string[] | undefined)?.includes("sr-only")) {
      // The footnotes' heading: a visible label in print, but not a section of the outline.
      node.tagName = "p";
      p["className"] = ["footnotes-title"];
    }
    if (node.tagName === "div" && (p["className"] as string[] | undefined)?.includes("table-wrap")) {
      delete p["role"];
      delete p["tabIndex"];
      delete p["ariaLabel"];
    }
    if (node.tagName === "a" && typeof p["href"] === "string") {
      const href = p["href"];
      if (typeof p["dataCase"] === "string" && href.startsWith(`#${anchors.case("")}`)) {
        const after = crossReference(node, href, String(p["dataCase"]), ctx, refs);
        parent.children.splice(index + 1, 0, ...after);
        return index + 1 + after.length;
      }
      if (href.startsWith("#")) p["href"] = `#${local(href.slice(1))}`;
      else if (/^https?:/.test(href)) p["className"] = [...((p["className"] as string[] | undefined) ?? []), "external"];
    }
    return undefined;
  });
  return tree.children as ElementContent[];
}

/**
 * A link to another case: it points to the case (or its section) in the book, and is followed by
 * "(see Case 12, p. 143)". (A case's own PDF is cut from the book: there the link goes to the
 * website, see `extract-pages.ts`.)
 */
function crossReference(link: Element, href: string, targetId: string, ctx: PrintContext, refs: BodyRefs): ElementContent[] {
  const target = ctx.book.byId.get(targetId);
  if (!target) return [];
  const fragment = href.split("#")[2];
  const anchor = fragment ? anchors.inCase(targetId, fragment) : anchors.case(targetId);
  refs.targets.add(anchor);
  link.properties["href"] = `#${anchor}`;
  delete link.properties["title"];
  const number = ctx.t("case.number", { number: target.number });
  const see = (ref: ElementContent[]) => textWith(ctx, "print.xref", { ref: h("span", ref) });
  return [h("span.xref", { lang: HTML_LANG[ctx.lang] }, [" ", ...see(textWith(ctx, "print.casePage", { case: number, page: pageRef(anchor, ctx) }))])];
}
