import type { PrintConfig } from "../../schema/config.js";
import { viewCase } from "../link/case-view.js";
import { localize } from "../link/localize.js";
import { casePageName } from "./case-chapter.js";
import type { PrintContext } from "./print-context.js";

/** Page sizes and margins (inner margins wider, for the binding; the text block is the same on both sides). */
const PAPER: Record<PrintConfig["paper"], { size: string; height: string; inner: string; outer: string; top: string; bottom: string }> = {
  A4: { size: "A4", height: "297mm", inner: "24mm", outer: "18mm", top: "22mm", bottom: "22mm" },
  Letter: { size: "letter", height: "11in", inner: "1in", outer: "0.7in", top: "0.9in", bottom: "0.9in" },
};

/** A named page of the book and the running head of its right-hand pages. */
export interface RunningHead {
  page: string;
  recto: string;
}

/**
 * The CSS that depends on the book: the paper, and the running heads. Chromium has no `string-set`,
 * so every chapter gets a named page whose right-hand running head is its title (a case: its number
 * and title); left-hand pages carry the casebook's title. Page numbers sit in the outer corners.
 * The cover, the imprint and blank pages have neither; part titles have a number only. (Every
 * rule names its page: Chromium lets a plain `:left` rule win over a named page's.)
 */
export function bookPageCss(ctx: PrintContext, heads: readonly RunningHead[]): string {
  const paper = PAPER[ctx.print.paper];
  const bookTitle = localize(ctx.book.config.title, ctx.lang);
  const folio = (side: "left" | "right") => `@bottom-${side} { content: counter(page); }`;
  const rules = [
    // The height of the text block (a little less, so a full-page block never spills onto a second page).
    `:root { --text-height: calc(${paper.height} - ${paper.top} - ${paper.bottom} - 2mm); }`,
    `@page { size: ${paper.size}; margin: ${paper.top} ${paper.outer} ${paper.bottom} ${paper.inner}; }`,
    `@page :left { margin-left: ${paper.outer}; margin-right: ${paper.inner}; }`,
    `@page :right { margin-left: ${paper.inner}; margin-right: ${paper.outer}; }`,
    `@page part:left { ${folio("left")} }`,
    `@page part:right { ${folio("right")} }`,
  ];
  for (const head of heads) {
    rules.push(`@page ${head.page}:left { @top-left { content: ${cssString(bookTitle)}; } ${folio("left")} }`);
    rules.push(`@page ${head.page}:right { @top-right { content: ${cssString(shorten(head.recto, 80))}; } ${folio("right")} }`);
  }
  return rules.join("\n");
}

/** The running heads of the cases: "Case 12 · Title". */
export function caseHeads(ctx: PrintContext): RunningHead[] {
  return ctx.book.cases.map((entry) => ({
    page: casePageName(entry),
    recto: `${ctx.t("case.number", { number: entry.number })} · ${viewCase(entry, ctx.lang).version.title}`,
  }));
}

/** A CSS string literal that is safe inside a `<style>` element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

/** A title short enough for a running head, cut at a word where possible. */
function shorten(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}
