import type { Element, ElementContent } from "hast";
import { h } from "hastscript";
import type { PrintConfig } from "../../schema/config.js";
import type { Language } from "../../schema/languages.js";
import type { Casebook } from "../link/casebook-model.js";
import type { ThemeStrings, Translate } from "../site/theme-strings.js";

/** What every part of the print book receives. */
export interface PrintContext {
  book: Casebook;
  lang: Language;
  t: Translate;
  strings: ThemeStrings;
  print: PrintConfig;
  /** ISO date of the build (from SOURCE_DATE_EPOCH when set). */
  buildDate: string;
  /** The book's introduction in Markdown, when the project has one in this (or the default) language. */
  intro?: { lang: Language; markdown: string } | undefined;
  /** How many digits the page numbers of the first pass reserve. */
  placeholderDigits: number;
}

/**
 * Anchors: every id in the combined book is unique. A case is `case-<id>`; its headings, footnotes
 * and other ids are prefixed `case-<id>--`; the front and back matter have fixed names.
 */
export const anchors = {
  case: (id: string) => `case-${id}`,
  inCase: (caseId: string, id: string) => `case-${caseId}--${id}`,
  part: (key: string) => `part-${key.toLowerCase()}`,
  contents: "contents",
  intro: "introduction",
  contributors: "contributors",
  indexCountries: "index-countries",
  indexModels: "index-models",
};

/**
 * A page number that links to its anchor (`pageRef`), or that sits inside a link to it already
 * (`pageNumber`, in the contents and the indexes). Numbers are filled in between passes by
 * `data-ref` (see `paginate.ts`). Every number sits in a slot as wide as `data-slot`, the widest
 * number the book can have (print.css), so filling the numbers in never moves the text.
 */
export function pageRef(anchor: string, ctx: PrintContext): Element {
  const slot = "0".repeat(ctx.placeholderDigits);
  return h("a.page-ref", { href: `#${anchor}`, dataRef: anchor, dataSlot: slot }, slot);
}

export function pageNumber(anchor: string, ctx: PrintContext): Element {
  const slot = "0".repeat(ctx.placeholderDigits);
  return h("span.page-num", { dataRef: anchor, dataSlot: slot }, slot);
}

/**
 * A theme text with elements in it: `{name}` placeholders are replaced by the given nodes, so a
 * translation can put the page number where its grammar wants it.
 */
export function textWith(ctx: PrintContext, key: string, parts: Record<string, ElementContent | string>): ElementContent[] {
  const marker = (name: string) => `\u0000${name}\u0000`;
  const text = ctx.t(key, Object.fromEntries(Object.keys(parts).map((name) => [name, marker(name)])));
  const nodes: ElementContent[] = [];
  text.split("\u0000").forEach((piece, index) => {
    const part = index % 2 === 1 ? parts[piece] : undefined;
    if (part !== undefined) nodes.push(typeof part === "string" ? { type: "text", value: part } : part);
    else if (piece !== "") nodes.push({ type: "text", value: piece });
  });
  return nodes;
}

/** The made-up origin the book is loaded from in Chromium; nothing is ever fetched from the network. */
export const BOOK_URL = "https://casebook.print";

/** The `lang` attribute of a language in HTML (Chinese is Simplified, mainland usage). */
export const HTML_LANG: Record<Language, string> = { en: "en", zh: "zh-CN", fr: "fr", ru: "ru" };
