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

/**
 * The CSS that depends on the book: the paper, and the running heads. Chromium has no `string-set`,
 * so every case gets a named page whose right-hand running head is its number and title; left-hand
 * pages carry the casebook's title. Page numbers sit in the outer corners of the footer.
 */
export function bookPageCss(ctx: PrintContext): string {
  const paper = PAPER[ctx.print.paper];
  const bookTitle = localize(ctx.book.config.title, ctx.lang);
  const rules = [
    // The height of the text block (a little less, so a full-page block never spills onto a second page).
    `:root { --text-height: calc(${paper.height} - ${paper.top} - ${paper.bottom} - 2mm); }`,
    `@page { size: ${paper.size}; margin: ${paper.top} ${paper.outer} ${paper.bottom} ${paper.inner}; }`,
    `@page :left { margin-left: ${paper.outer}; margin-right: ${paper.inner}; @top-left { content: ${cssString(bookTitle)}; } }`,
    `@page :right { margin-left: ${paper.inner}; margin-right: ${paper.outer}; }`,
    `@page front:right { @top-right { content: ${cssString(bookTitle)}; } }`,
    `@page back:right { @top-right { content: ${cssString(bookTitle)}; } }`,
  ];
  for (const entry of ctx.book.cases) {
    const title = viewCase(entry, ctx.lang).version.title;
    const head = `${ctx.t("case.number", { number: entry.number })} · ${shorten(title, 70)}`;
    rules.push(`@page ${casePageName(entry)}:right { @top-right { content: ${cssString(head)}; } }`);
  }
  return rules.join("\n");
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
