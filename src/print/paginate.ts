import type { Page } from "puppeteer";
import type { BookDocument } from "./book-document.js";
import { applyState, type PassState } from "./in-page.js";
import { readDestinations } from "./pdf/pdf-destinations.js";
import { PdfFile } from "./pdf/pdf-file.js";
import { printToPdf } from "./print-pdf.js";
import { PrintError } from "./print-error.js";

/** The printed book, chunk by chunk, and where every anchor landed in the whole book. */
export interface Paginated {
  /** The final print of each chunk, parsed. */
  chunks: PdfFile[];
  /** Anchor → page in the whole book. */
  pages: Map<string, number>;
  pageCount: number;
  passes: number;
  /** Chapters with a blank left-hand page in front of them. */
  fillers: Set<string>;
}

const MAX_PASSES = 6;

/**
 * Prints until the book is right. Each chunk of the book is loaded in its own tab (`tabs`, in the
 * book's order) and printed; the pages of the chunks add up to the book (every chunk but the first
 * starts with a chapter on a new page), so where each anchor landed is read from the chunks' PDFs.
 * Then the page numbers, the blank left-hand pages that keep chapters on right-hand pages and each
 * chunk's first page number are filled in, and everything is printed again. A print is accepted only
 * when every number it shows is the page its anchor is on, every chapter opens on an odd page and
 * every chunk starts where the one before it ended. Usually two passes; bounded, with a clear error.
 */
export async function paginate(
  tabs: readonly Page[],
  book: BookDocument,
  limit: <T>(job: () => Promise<T>) => Promise<T>,
  onPass: (pass: number) => void,
): Promise<Paginated> {
  let state: PassState = { numbers: {}, fillers: [], firstPage: 1 };
  let offsets: number[] = [];
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    onPass(pass);
    // The first pass only measures: nothing painted (`measuring`), no outline or tags, none of which
    // changes the layout; a tagged printing costs about twice an untagged one, and an unpainted one
    // half. Page numbers sit in fixed-width slots (`in-page.ts`), so the second pass, with the
    // numbers and blank pages filled in, is normally the last.
    const final = pass > 1;
    const chunks = await Promise.all(
      tabs.map((tab, k) =>
        limit(async () => {
          await tab.evaluate(applyState, { ...state, firstPage: (offsets[k] ?? 0) + 1, measuring: !final });
          return new PdfFile(await printToPdf(tab, final));
        }),
      ),
    );
    const read = chunks.map(readDestinations);
    const actual = read.map((_, k) => read.slice(0, k).reduce((n, r) => n + r.pageCount, 0));
    const pages = new Map<string, number>();
    read.forEach((r, k) => {
      for (const [anchor, page] of r.pages) pages.set(anchor, actual[k]! + page);
    });
    const missing = [...book.rectoAnchors, ...book.refAnchors].filter((a) => !pages.has(a));
    if (missing.length) throw new PrintError(`The printed book lost its anchors ${missing.slice(0, 5).map((a) => `#${a}`).join(", ")}.`, "This is a bug in Casebook's print stage; run again with --debug and report it.");
    const right =
      book.refAnchors.every((a) => state.numbers[a] === pages.get(a)) &&
      book.rectoAnchors.every((a) => (pages.get(a) ?? 0) % 2 === 1) &&
      actual.every((offset, k) => offset === (offsets[k] ?? 0));
    const pageCount = actual.at(-1)! + read.at(-1)!.pageCount;
    if (final && right) return { chunks, pages, pageCount, passes: pass, fillers: new Set(state.fillers) };
    const next = nextState(state, book, pages);
    state = next.state;
    offsets = actual.map((offset) => offset + next.shift(offset + 1));
  }
  throw new PrintError(
    `The page numbers of the book did not settle after ${MAX_PASSES} printings.`,
    "A page break keeps moving as numbers are filled in; this is a bug in Casebook's print stage: run again with --debug and report it.",
  );
}

/**
 * The numbers and blank pages the next pass needs: walking the chapters in page order, one that
 * would open on an even page gains (or loses) its blank page in front, which moves everything after
 * it by one page; each anchor's number is its page plus the moves before it. `shift(page)` is that
 * move for any page.
 */
function nextState(state: PassState, book: BookDocument, pages: Map<string, number>): { state: PassState; shift: (page: number) => number } {
  const fillers = new Set(state.fillers);
  const shifts: { from: number; delta: number }[] = [];
  let delta = 0;
  for (const anchor of book.rectoAnchors) {
    const page = pages.get(anchor) ?? 0;
    if ((page + delta) % 2 === 0) {
      if (fillers.delete(anchor)) delta -= 1;
      else {
        fillers.add(anchor);
        delta += 1;
      }
    }
    shifts.push({ from: page, delta });
  }
  const shift = (page: number) => shifts.filter((s) => s.from <= page).at(-1)?.delta ?? 0;
  const numbers: Record<string, number> = {};
  for (const anchor of book.refAnchors) {
    const page = pages.get(anchor) ?? 0;
    numbers[anchor] = page + shift(page);
  }
  return { state: { numbers, fillers: [...fillers], firstPage: 1 }, shift };
}
