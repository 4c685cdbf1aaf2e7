import type { Element, ElementContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import { localize } from "../link/localize.js";
import { forEachElement } from "../markdown/walk-tree.js";
import type { BodyRefs } from "./adapt-body.js";
import { bookIndexes, contributors } from "./back-matter.js";
import { caseChapter } from "./case-chapter.js";
import { contents, partPage, type MatterEntry } from "./contents.js";
import { coverAndImprint } from "./cover.js";
import { groupCases } from "./group-cases.js";
import { introduction, introTitle } from "./introduction.js";
import { anchors, BOOK_URL, HTML_LANG, type PrintContext } from "./print-context.js";
import { bookPageCss, caseHeads, type RunningHead } from "./running-heads.js";

/** A chunk of the book: a document of its own, printed in its own tab (see `paginate.ts`). */
export interface BookChunk {
  html: string;
}

/** The HTML book of one language, in chunks, and what pagination needs to know about it. */
export interface BookDocument {
  chunks: BookChunk[];
  /** Anchors of the parts and chapters that must open on a right-hand page, in book order. */
  rectoAnchors: string[];
  /** Every anchor a page number refers to. */
  refAnchors: string[];
}

/**
 * How many cases a chunk holds. Chromium's time to lay out and print a document grows faster than
 * its length (a book of 1,700 pages takes several times as long as eight of 210), so a long book is
 * printed in chunks, two at a time, and the PDFs are joined (`pdf/merge-pdfs.ts`).
 */
export const CASES_PER_CHUNK = 40;

/**
 * One combined book per language (mdBook's print page): cover, imprint, contents, introduction, the
 * parts and their cases, contributors, and the indexes. Every id is unique and every link stays
 * inside the book. A long book is cut into chunks between chapters: a link to another chunk points to
 * `${BOOK_URL}/book#anchor` (turned back into a link inside the book when the chunks are joined), and
 * each chunk lists the anchors others refer to in a hidden navigation, so Chromium records where they
 * land. `fontCss` holds the `@font-face` rules.
 */
export function bookDocument(ctx: PrintContext, fontCss: string, casesPerChunk = CASES_PER_CHUNK): BookDocument {
  const refs: BodyRefs = { targets: new Set() };
  const parts = groupCases(ctx.book, ctx.lang, ctx.print.groupBy);
  const front: MatterEntry[] = ctx.intro ? [{ anchor: anchors.intro, title: introTitle(ctx) }] : [];
  const back: MatterEntry[] = [
    { anchor: anchors.contributors, title: ctx.t("print.contributors") },
    { anchor: anchors.indexCountries, title: ctx.t("print.indexCountries") },
    { anchor: anchors.indexModels, title: ctx.t("print.indexModels") },
  ];
  const children: ElementContent[] = [
    ...coverAndImprint(ctx),
    ...contents(parts, front, back, ctx),
    ...introduction(ctx, refs),
    ...parts.flatMap((part, index) => [...(part.key ? partPage(part, index, ctx) : []), ...part.cases.flatMap((entry) => caseChapter(entry, ctx, refs))]),
    ...contributors(ctx),
    ...bookIndexes(ctx),
  ];
  const { rectoAnchors, refAnchors } = checkAnchors(h("body", children));
  const heads: RunningHead[] = [
    { page: anchors.contents, recto: ctx.t("print.contents") },
    ...front.map((m) => ({ page: m.anchor, recto: m.title })),
    ...caseHeads(ctx),
    ...back.map((m) => ({ page: m.anchor, recto: m.title })),
  ];
  // Each chunk gets the running heads of its own chapters only: Chromium matches every `@page` rule
  // against every page, and a long book has two rules per case.
  const head = (pages: ReadonlySet<string>) =>
    toHtml(
      h("head", [
        h("meta", { charset: "utf-8" }),
        h("title", localize(ctx.book.config.title, ctx.lang)),
        h("style", fontCss),
        h("link", { rel: "stylesheet", href: "/print.css" }),
        h("style", bookPageCss(ctx, heads.filter((running) => pages.has(running.page)))),
      ]),
    );
  const wanted = new Set([...rectoAnchors, ...refAnchors]);
  const chunks = splitChunks(children, casesPerChunk).map((chunk) => {
    const ids = idsIn(chunk);
    for (const node of chunk) retarget(node, ids);
    const targets = [...ids].filter((id) => wanted.has(id));
    const nav = h("nav.anchor-targets", { hidden: true, ariaHidden: "true" }, targets.map((id) => h("a", { href: `#${id}` })));
    return { html: `<!doctype html><html lang="${HTML_LANG[ctx.lang]}">${head(pageNames(chunk))}${toHtml(h("body.book", [...chunk, nav]))}</html>` };
  });
  return { chunks, rectoAnchors, refAnchors };
}

/**
 * Cuts the book between chapters, about `casesPerChunk` cases each. A chapter that opens a chunk
 * leaves its blank left-hand page (`.verso-filler`) at the end of the chunk before: every chunk then
 * starts on a right-hand page, as its first page is to Chromium.
 */
function splitChunks(children: ElementContent[], casesPerChunk: number): ElementContent[][] {
  const chunks: ElementContent[][] = [[]];
  let cases = 0;
  for (const child of children) {
    const isFiller = child.type === "element" && child.properties["dataFor"] !== undefined;
    if (isFiller && cases >= casesPerChunk) {
      chunks.push([]);
      cases = 0;
      chunks.at(-2)!.push(child);
      continue;
    }
    if (child.type === "element" && typeof child.properties["dataCase"] === "string") cases += 1;
    chunks.at(-1)!.push(child);
  }
  return chunks;
}

/** The named pages (`style="page: name"`) the chapters of a chunk are set on. */
function pageNames(nodes: ElementContent[]): Set<string> {
  const names = new Set<string>();
  for (const node of nodes) {
    const style = node.type === "element" ? node.properties["style"] : undefined;
    const name = typeof style === "string" ? /(?:^|;)\s*page:\s*([^;]+)/.exec(style)?.[1]?.trim() : undefined;
    if (name) names.add(name);
  }
  return names;
}

function idsIn(nodes: ElementContent[]): Set<string> {
  const ids = new Set<string>();
  for (const node of nodes)
    forEachElement(node, (el: Element) => {
      if (typeof el.properties["id"] === "string") ids.add(el.properties["id"]);
    });
  return ids;
}

/** Links to anchors in other chunks leave the document (and come back when the PDFs are joined). */
function retarget(node: ElementContent, ids: Set<string>): void {
  forEachElement(node, (el: Element) => {
    const href = el.properties["href"];
    if (typeof href === "string" && href.startsWith("#") && !ids.has(href.slice(1))) el.properties["href"] = `${BOOK_URL}/book${href}`;
  });
}

/**
 * Collects the anchors and makes sure every in-book link has a target: a link to a section that a
 * case does not have (`case:<id>#no-such-heading`) falls back to the case itself.
 */
function checkAnchors(body: Element): { rectoAnchors: string[]; refAnchors: string[] } {
  const ids = new Set<string>();
  const rectoAnchors: string[] = [];
  forEachElement(body, (node) => {
    const id = node.properties["id"];
    if (typeof id === "string") ids.add(id);
    const filler = node.properties["dataFor"];
    if (typeof filler === "string") rectoAnchors.push(filler);
  });
  const existing = (anchor: string) => (ids.has(anchor) ? anchor : anchor.replace(/--.*$/, ""));
  const refAnchors = new Set<string>();
  forEachElement(body, (node) => {
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
