import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Language } from "../../schema/languages.js";
import { BrowserMissingError } from "../browser/find-browser.js";
import { launchBrowser } from "../browser/launch-browser.js";
import type { Casebook } from "../link/casebook-model.js";
import { fontFaces } from "../site/font-faces.js";
import { loadThemeStrings, translator, type ThemeStrings } from "../site/theme-strings.js";
import type { Browser } from "puppeteer";
import { bookDocument, type BookDocument } from "./book-document.js";
import { fontsReady } from "./in-page.js";
import { pickIntro, type BookIntros } from "./introduction.js";
import { paginate, type Paginated } from "./paginate.js";
import { bookMetadata } from "./book-metadata.js";
import { withMetadata } from "./pdf/pdf-info.js";
import { anchors, type PrintContext } from "./print-context.js";
import { PrintError } from "./print-error.js";
import { BOOK_ORIGIN, serveBook, type BookFiles } from "./print-server.js";
import { splitCasePdfs } from "./print-case-pdfs.js";

/** Where the driver is in printing: `done` of `total` PDFs, and what is being printed now. */
export interface PrintProgress {
  done: number;
  total: number;
  lang: Language;
  /** "book, pass 2", "case tianjin-thailand-rail-workshop"… */
  step: string;
}

/** A finished PDF and where it goes, relative to the output folder (the driver writes it). */
export interface PrintedPdf {
  lang: Language;
  caseId?: string;
  files: string[];
  bytes: Uint8Array;
}

export interface PrintOptions {
  themeDir: string;
  buildDate: string;
  intros: BookIntros;
  /** The `book/` folder, for files the introduction shows. */
  bookDir?: string | undefined;
  onProgress?: (progress: PrintProgress) => void;
  /** Receives every PDF as soon as it is finished, so memory does not grow with the book. */
  output: (pdf: PrintedPdf) => void | Promise<void>;
  env?: NodeJS.ProcessEnv;
}

export interface PrintSummary {
  books: { lang: Language; pages: number; passes: number }[];
  casePdfs: number;
}

/**
 * Prints the casebook of every language, and one PDF per case, with one headless Chromium: one tab
 * per language, closed when its PDFs are done. Throws `BrowserMissingError` when there is no
 * Chromium and `PrintError` when printing fails; the driver then leaves the previous output alone.
 */
export async function printCasebook(book: Casebook, options: PrintOptions): Promise<PrintSummary> {
  const strings = loadThemeStrings(options.themeDir);
  const fonts = fontFaces(options.themeDir, "/fonts");
  const files: BookFiles = { book, printCss: readFileSync(join(options.themeDir, "print.css"), "utf8"), fonts: fonts.files, bookDir: options.bookDir };
  const total = book.languages.length * (1 + book.cases.length);
  let done = 0;
  const summary: PrintSummary = { books: [], casePdfs: 0 };
  const browser = await launchBrowser(options.env).catch((error: unknown) => {
    if (error instanceof BrowserMissingError) throw error;
    throw new PrintError(`Chromium could not be started: ${message(error)}`, "Check that the browser runs (`chromium --version`), or point CASEBOOK_CHROMIUM at a working Chrome or Chromium.");
  });
  try {
    for (const lang of book.languages) {
      const ctx = printContext(book, lang, strings, options);
      const progress = (step: string) => options.onProgress?.({ done, total, lang, step });
      const document = bookDocument(ctx, fonts.css);
      const printed = await printBook(browser.browser, document, files, lang, progress);
      const bytes = withMetadata(printed.pdf, bookMetadata(ctx));
      await options.output({ lang, files: [`pdf/casebook.${lang}.pdf`, `site/pdf/casebook.${lang}.pdf`], bytes });
      summary.books.push({ lang, pages: printed.pageCount, passes: printed.passes });
      done += 1;
      progress("case PDFs");
      summary.casePdfs += await splitCasePdfs(ctx, printed, [...document.rectoAnchors, anchors.indexModels], async (pdf) => {
        await options.output(pdf);
        done += 1;
        progress(`case ${pdf.caseId ?? ""}`);
      });
    }
  } finally {
    await browser.close();
  }
  return summary;
}

/** Loads the book of one language in a fresh tab, prints it until its page numbers are right, closes the tab. */
async function printBook(browser: Browser, document: BookDocument, files: BookFiles, lang: Language, progress: (step: string) => void): Promise<Paginated> {
  const page = await browser.newPage();
  try {
    await serveBook(page, files, (path) => (path === "/book.html" ? document.html : undefined));
    progress("book, loading");
    await page.goto(`${BOOK_ORIGIN}/book.html`, { waitUntil: "load", timeout: 600_000 });
    await page.evaluate(fontsReady);
    return await paginate(page, document, (pass) => progress(`book, pass ${pass}`));
  } catch (error) {
    if (error instanceof PrintError) throw error;
    throw new PrintError(`Chromium failed while printing the ${lang} casebook: ${message(error)}`, "Run the build again; if it fails again, run it with --debug and report the output.");
  } finally {
    await page.close().catch(() => undefined);
  }
}

function printContext(book: Casebook, lang: Language, strings: ThemeStrings, options: PrintOptions): PrintContext {
  const estimate = 12 + book.cases.length * 8;
  return {
    book,
    lang,
    t: translator(strings, lang),
    strings,
    print: book.config.print,
    buildDate: options.buildDate,
    intro: pickIntro(options.intros, lang, book.config.defaultLanguage),
    placeholderDigits: String(estimate).length,
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
