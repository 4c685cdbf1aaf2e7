import type { Element, ElementContent, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import { visit } from "unist-util-visit";
import { localize } from "../link/localize.js";
import type { BodyRefs } from "./adapt-body.js";
import { bookIndexes, contributors } from "./back-matter.js";
import { caseChapter } from "./case-chapter.js";
import { contents, partPage, type MatterEntry } from "./contents.js";
import { coverAndImprint } from "./cover.js";
import { groupCases } from "./group-cases.js";
import { introduction, introTitle } from "./introduction.js";
import { anchors, HTML_LANG, type PrintContext } from "./print-context.js";
import { bookPageCss } from "./running-heads.js";

/** The HTML book of one language, and what pagination needs to know about it. */
export interface BookDocument {
  html: string;
  /** Anchors of the parts and chapters that must open on a right-hand page, in book order. */
  rectoAnchors: string[];
  /** Every anchor a page number refers to. */
  refAnchors: string[];
}

/**
 * One combined document per language (mdBook's print page): cover, imprint, contents,
 * introduction, the parts and their cases, contributors, and the indexes. Every id is unique and
 * every link stays inside the book. `fontCss` holds the `@font-face` rules.
 */
export function bookDocument(ctx: PrintContext, fontCss: string): BookDocument {
  const refs: BodyRefs = { targets: new Set() };
  const parts = groupCases(ctx.book, ctx.lang, ctx.print.groupBy);
  const front: MatterEntry[] = ctx.intro ? [{ anchor: anchors.intro, title: introTitle(ctx) }] : [];
  const back: MatterEntry[] = [
    { anchor: anchors.contributors, title: ctx.t("print.contributors") },
    { anchor: anchors.indexCountries, title: ctx.t("print.indexCountries") },
    { anchor: anchors.indexModels, title: ctx.t("print.indexModels") },
  ];
  const bodyParts: ElementContent[] = [
    ...coverAndImprint(ctx),
    ...contents(parts, front, back, ctx),
    ...introduction(ctx, refs),
    ...parts.flatMap((part, index) => [...(part.key ? partPage(part, index, ctx) : []), ...part.cases.flatMap((entry) => caseChapter(entry, ctx, refs))]),
    ...contributors(ctx),
    ...bookIndexes(ctx),
  ];
  const body = h("body.book", bodyParts);
  const { rectoAnchors, refAnchors } = checkAnchors(body);
  const title = localize(ctx.book.config.title, ctx.lang);
  const tree: Root = {
    type: "root",
    children: [
      { type: "doctype" },
      h("html", { lang: HTML_LANG[ctx.lang] }, [
        h("head", [
          h("meta", { charset: "utf-8" }),
          h("title", title),
          h("style", fontCss),
          h("link", { rel: "stylesheet", href: "/print.css" }),
          h("style", bookPageCss(ctx)),
        ]),
        body,
      ]),
    ],
  };
  return { html: toHtml(tree), rectoAnchors, refAnchors };
}

/**
 * Collects the anchors and makes sure every in-book link has a target: a link to a section that a
 * case does not have (`case:<id>#no-such-heading`) falls back to the case itself.
 */
function checkAnchors(body: Element): { rectoAnchors: string[]; refAnchors: string[] } {
  const ids = new Set<string>();
  const rectoAnchors: string[] = [];
  visit(body, "element", (node) => {
    const id = node.properties["id"];
    if (typeof id === "string") ids.add(id);
    const filler = node.properties["dataFor"];
    if (typeof filler === "string") rectoAnchors.push(filler);
  });
  const existing = (anchor: string) => (ids.has(anchor) ? anchor : anchor.replace(/--.*$/, ""));
  const refAnchors = new Set<string>();
  visit(body, "element", (node) => {
    const { href, dataRef } = node.properties;
    if (typeof href === "string" && href.startsWith("#")) node.properties["href"] = `#${existing(href.slice(1))}`;
    if (typeof dataRef === "string") {
      node.properties["dataRef"] = existing(dataRef);
      refAnchors.add(existing(dataRef));
    }
  });
  for (const anchor of [...rectoAnchors, ...refAnchors])
    if (!ids.has(anchor)) throw new Error(`The print book refers to "#${anchor}", which it does not contain.`);
  return { rectoAnchors, refAnchors: [...refAnchors] };
}
