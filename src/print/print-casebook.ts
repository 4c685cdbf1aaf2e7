import { existsSync, readFileSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { join } from "node:path";
import type { Language } from "../../schema/languages.js";
import { BrowserMissingError } from "../browser/find-browser.js";
import { launchBrowser, type LaunchedBrowser } from "../browser/launch-browser.js";
import type { Casebook } from "../link/casebook-model.js";
import { PACKAGE_ROOT } from "../paths/package-root.js";
import { fontFaces } from "../site/font-faces.js";
import { parseFontFaces } from "./svg-fonts.js";
import { loadThemeStrings, translator, type ThemeStrings } from "../site/theme-strings.js";
import type { Browser, BrowserContext, Page } from "puppeteer";
import { bookDocument, CASES_PER_CHUNK, type BookDocument } from "./book-document.js";
import { fontsReady, headingTitles } from "./in-page.js";
import { pickIntro, type BookIntros } from "./introduction.js";
import { paginate, type Paginated } from "./paginate.js";
import { bookMetadata } from "./book-metadata.js";
import { fixOutlineTitles } from "./pdf/outline-titles.js";
import { mergePdfs } from "./pdf/merge-pdfs.js";
import { PdfFile } from "./pdf/pdf-file.js";
import { anchors, BOOK_URL, type PrintContext } from "./print-context.js";
import { PrintError } from "./print-error.js";
import { serveBook, type BookFiles } from "./print-server.js";
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
  /** How many languages are printed at once (default 2). */
  concurrency?: number;
  /** How many cases a chunk of the book holds (default `CASES_PER_CHUNK`; tests make it small). */
  casesPerChunk?: number;
  /** Starts the browser (default `launchBrowser`; tests replace it). */
  launch?: (env?: NodeJS.ProcessEnv) => Promise<LaunchedBrowser>;
}

export interface PrintSummary {
  books: { lang: Language; pages: number; passes: number }[];
  casePdfs: number;
}

/**
 * Prints the casebook of every language, and one PDF per case, with one headless Chromium: a tab per
 * language (per chunk of a long book), closed when its book is printed; the case PDFs are cut from
 * the book. Throws `BrowserMissingError` when there is no
 * Chromium and `PrintError` when printing fails; the driver then leaves the previous output alone.
 */
export async function printCasebook(book: Casebook, options: PrintOptions): Promise<PrintSummary> {
  const strings = loadThemeStrings(options.themeDir);
  const fonts = fontFaces(options.themeDir, "/fonts");
  const files: BookFiles = { book, printCss: readPrintCss(options.themeDir), fonts: fonts.files, faces: parseFontFaces(fonts.css), bookDir: options.bookDir };
  const total = book.languages.length * (1 + book.cases.length);
  let done = 0;
  const summary: PrintSummary = { books: [], casePdfs: 0 };
  // Chromium starts (about a second) while the first book's HTML is made; whoever needs it waits.
  const launching = (options.launch ?? launchBrowser)(options.env).catch((error: unknown) => {
    if (error instanceof BrowserMissingError) throw error;
    throw new PrintError(`Chromium could not be started: ${message(error)}`, "Check that the browser runs (`chromium --version`), or point CASEBOOK_CHROMIUM at a working Chrome or Chromium.");
  });
  launching.catch(() => undefined);
  // Two Chromium jobs (loading or printing a document) at a time, for two cores. Short books: two
  // languages at a time, so that Node joins and splits one while Chromium prints the other. Long
  // books (printed in chunks, see `book-document.ts`): one language at a time, its chunks two by two.
  const limit = limiter(options.concurrency ?? 2);
  const perChunk = options.casesPerChunk ?? CASES_PER_CHUNK;
  const chunked = book.cases.length > perChunk;
  const queue = [...book.languages];
  // The first failure stops everything: the browser is closed (so the other language's printing
  // fails fast), nothing more is handed to `output`, and it is thrown once every worker has stopped,
  // so that nothing is written after the driver has thrown the temporary output away.
  let failure: { error: unknown } | undefined;
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= launching.then((browser) => browser.close(), () => undefined));
  const emit = async (pdf: PrintedPdf) => {
    if (failure) throw failure.error;
    await options.output(pdf);
  };
  const printLanguage = async (lang: Language) => {
    const ctx = printContext(book, lang, strings, options);
    const progress = (step: string) => options.onProgress?.({ done, total, lang, step });
    const document = bookDocument(ctx, fonts.css, perChunk);
    const browser = await launching;
    const printed = await printBook(browser.browser, document, files, lang, limit, progress);
    progress("book, joining");
    printed.chunks.forEach((chunk, k) => fixOutlineTitles(chunk, printed.headings[k] ?? []));
    const bytes = mergePdfs(printed.chunks, { metadata: bookMetadata(ctx), bookUrl: `${BOOK_URL}/book` });
    // The chunks' PDFs are in the book now: let them go before the case PDFs are cut from it.
    printed.chunks.length = 0;
    await emit({ lang, files: [`pdf/casebook.${lang}.pdf`, `site/pdf/casebook.${lang}.pdf`], bytes });
    summary.books.push({ lang, pages: printed.pageCount, passes: printed.passes });
    done += 1;
    progress("case PDFs");
    summary.casePdfs += await splitCasePdfs(ctx, printed, new PdfFile(bytes), [...document.rectoAnchors, anchors.indexModels], async (pdf) => {
      await emit(pdf);
      done += 1;
      progress(`case ${pdf.caseId ?? ""}`);
    });
  };
  const worker = async () => {
    for (let lang = queue.shift(); lang && !failure; lang = queue.shift())
      await printLanguage(lang).catch((error: unknown) => {
        failure ??= { error };
        void close();
      });
  };
  try {
    // Chromium is spawned a few turns of the event loop after the launch begins: those turns happen
    // before the first book's HTML is made (seconds of synchronous work), so that the two overlap.
    await Promise.race([launching.catch(() => undefined), delay(50)]);
    await Promise.all(Array.from({ length: chunked ? 1 : Math.max(1, Math.min(options.concurrency ?? 2, queue.length)) }, worker));
  } finally {
    await close();
  }
  if (failure) throw failure.error;
  summary.books.sort((a, b) => book.languages.indexOf(a.lang) - book.languages.indexOf(b.lang));
  return summary;
}

/**
 * Loads each chunk of the book of one language in a tab of its own, prints them until the page
 * numbers are right, reads the headings the bookmarks come from, and closes the tabs.
 */
async function printBook(
  browser: Browser,
  document: BookDocument,
  files: BookFiles,
  lang: Language,
  limit: Limit,
  progress: (step: string) => void,
): Promise<Paginated & { headings: { text: string; title: string }[][] }> {
  const tabs: Page[] = [];
  // A browser context of its own for each book: its tabs never share a renderer process or a memory
  // cache with another language's book printed at the same time (the same image has the same URL in
  // every book), so what one book loads cannot change how another prints.
  let context: BrowserContext | undefined;
  try {
    progress("book, loading");
    context = await browser.createBrowserContext();
    const own = context;
    await Promise.all(
      document.chunks.map((chunk, k) =>
        limit(async () => {
          const tab = await own.newPage();
          tabs[k] = tab;
          await serveBook(tab, files, (path) => (path === `/chunk-${k}.html` ? chunk.html : undefined));
          await tab.goto(`${BOOK_URL}/chunk-${k}.html`, { waitUntil: "load", timeout: 600_000 });
          await tab.evaluate(fontsReady);
        }),
      ),
    );
    const printed = await paginate(tabs, document, limit, (pass) => progress(`book, pass ${pass}`));
    const headings = await Promise.all(tabs.map((tab) => tab.evaluate(headingTitles)));
    return { ...printed, headings };
  } catch (error) {
    if (error instanceof PrintError) throw error;
    if (!browser.connected)
      throw new PrintError(
        `Chromium stopped while printing the ${lang} casebook (it crashed or was killed): ${message(error)}`,
        "Run the build again. If Chromium keeps stopping, check that it runs (`chromium --version`) and that the machine has memory to spare, or point CASEBOOK_CHROMIUM at another Chrome or Chromium.",
      );
    throw new PrintError(`Chromium failed while printing the ${lang} casebook: ${message(error)}`, "Run the build again; if it fails again, run it with --debug and report the output.");
  } finally {
    await Promise.all(tabs.map((tab) => tab.close().catch(() => undefined)));
    await context?.close().catch(() => undefined);
  }
}

type Limit = <T>(job: () => Promise<T>) => Promise<T>;

/** Runs at most `size` jobs at once. */
function limiter(size: number): Limit {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await job();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
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

/** The theme's print.css, or the default theme's when a theme has none. */
function readPrintCss(themeDir: string): string {
  const own = join(themeDir, "print.css");
  return readFileSync(existsSync(own) ? own : join(PACKAGE_ROOT, "themes", "default", "print.css"), "utf8");
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
