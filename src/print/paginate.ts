import type { Page } from "puppeteer";
import type { BookDocument } from "./book-document.js";
import { applyState, type PassState } from "./in-page.js";
import { readDestinations } from "./pdf/pdf-destinations.js";
import { PdfFile } from "./pdf/pdf-file.js";
import { printToPdf } from "./print-pdf.js";
import { PrintError } from "./print-error.js";

/** The printed book: its PDF (parsed, for finishing) and where every anchor landed. */
export interface Paginated {
  pdf: PdfFile;
  pages: Map<string, number>;
  pageCount: number;
  passes: number;
  /** Chapters with a blank left-hand page in front of them. */
  fillers: Set<string>;
}


/** After this many passes page numbers get fixed-width slots, so their width cannot move text. */
const FIXED_SLOTS_FROM = 4;
const MAX_PASSES = 6;

/**
 * Prints until the book is right: print, read from the PDF where every anchor landed, fill in the
 * page numbers and the blank left-hand pages that keep chapters on right-hand pages, print again,
 * and accept a print only when every number it shows is the page its anchor is on and every
 * chapter opens on an odd page. Usually two passes; bounded, with a clear error otherwise.
 */
export async function paginate(page: Page, book: BookDocument, onPass: (pass: number) => void): Promise<Paginated> {
  let state: PassState = { numbers: {}, fillers: [], fixedSlots: false };
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    onPass(pass);
    state.fixedSlots = pass >= FIXED_SLOTS_FROM;
    await page.evaluate(applyState, state);
    // The first pass only measures: no outline or tags, which do not change the layout.
    const final = pass > 1;
    const pdf = await printToPdf(page, final);
    const file = new PdfFile(pdf);
    const { pages, pageCount } = readDestinations(file);
    const missing = [...book.rectoAnchors, ...book.refAnchors].filter((a) => !pages.has(a));
    if (missing.length) throw new PrintError(`The printed book lost its anchors ${missing.slice(0, 5).map((a) => `#${a}`).join(", ")}.`, "This is a bug in Casebook's print stage; run again with --debug and report it.");
    const wrongNumbers = book.refAnchors.filter((a) => state.numbers[a] !== pages.get(a));
    const evenOpenings = book.rectoAnchors.filter((a) => (pages.get(a) ?? 0) % 2 === 0);
    if (final && wrongNumbers.length === 0 && evenOpenings.length === 0) return { pdf: file, pages, pageCount, passes: pass, fillers: new Set(state.fillers) };
    state = nextState(state, book, pages);
  }
  throw new PrintError(
    `The page numbers of the book did not settle after ${MAX_PASSES} printings.`,
    "A page break keeps moving as numbers are filled in; this is a bug in Casebook's print stage: run again with --debug and report it.",
  );
}

/**
 * The numbers and blank pages the next pass needs: walking the chapters in page order, one that
 * would open on an even page gains (or loses) its blank page in front, which moves everything after
 * it by one page; each anchor's number is its page plus the moves before it.
 */
function nextState(state: PassState, book: BookDocument, pages: Map<string, number>): PassState {
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
  const numbers: Record<string, number> = {};
  for (const anchor of book.refAnchors) {
    const page = pages.get(anchor) ?? 0;
    const before = shifts.filter((s) => s.from <= page).at(-1);
    numbers[anchor] = page + (before?.delta ?? 0);
  }
  return { numbers, fillers: [...fillers], fixedSlots: state.fixedSlots };
}
