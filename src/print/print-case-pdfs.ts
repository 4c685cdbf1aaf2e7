import type { CaseEntry } from "../link/casebook-model.js";
import { absoluteUrl, paths } from "../site/urls.js";
import { caseMetadata } from "./book-metadata.js";
import type { Paginated } from "./paginate.js";
import { BookIndex } from "./pdf/book-index.js";
import { extractPages } from "./pdf/extract-pages.js";
import type { PdfFile } from "./pdf/pdf-file.js";
import type { PrintedPdf } from "./print-casebook.js";
import { anchors, type PrintContext } from "./print-context.js";

/**
 * One PDF per case, cut from the printed book: the pages of its chapter exactly as they are in the
 * book (an offprint, with the book's page numbers), tagged, with its part of the outline. Links to
 * other cases go to their pages on the website. Chromium is not needed again, so this is quick.
 */
export async function splitCasePdfs(
  ctx: PrintContext,
  book: Paginated,
  pdf: PdfFile,
  chapters: readonly string[],
  output: (pdf: PrintedPdf) => Promise<void>,
): Promise<number> {
  const index = new BookIndex(pdf);
  const webLink = externalLinks(ctx);
  let count = 0;
  for (const entry of ctx.book.cases) {
    const { first, last } = chapterPages(entry, book, chapters);
    const bytes = extractPages(index, { first, last, metadata: caseMetadata(entry, ctx), externalLink: webLink });
    await output({ lang: ctx.lang, caseId: entry.id, files: [`site/${ctx.lang}/cases/${entry.id}/${entry.id}.${ctx.lang}.pdf`], bytes });
    count += 1;
  }
  return count;
}

/** The pages of a case's chapter: from its first page to the page before the next chapter (or its blank page). */
export function chapterPages(entry: CaseEntry, book: Paginated, chapters: readonly string[]): { first: number; last: number } {
  const first = book.pages.get(anchors.case(entry.id)) ?? 0;
  const next = Math.min(
    book.pageCount + 1,
    ...chapters.map((a) => (book.pages.get(a) ?? 0) - (book.fillers.has(a) ? 1 : 0)).filter((p) => p > first),
  );
  return { first, last: Math.max(first, next - 1) };
}

/** Anchors of the book as web addresses: a case (or its section) on the website, anything else the book's PDF. */
function externalLinks(ctx: PrintContext): (name: string) => string {
  const { book, lang } = ctx;
  const base = book.config.baseUrl;
  return (name) => {
    const match = /^case-(.+?)(?:--(.+))?$/.exec(name);
    const entry = match ? book.byId.get(match[1]!) : undefined;
    if (!entry) return absoluteUrl(base, paths.bookPdf(lang));
    const url = absoluteUrl(base, paths.case(lang, entry.id));
    return match?.[2] ? `${url}#${match[2]}` : url;
  };
}
