import { h } from "hastscript";
import { toHtml } from "hast-util-to-html";
import type { Language } from "../../schema/languages.js";
import type { Casebook, CaseEntry } from "../link/casebook-model.js";
import { renderCaseBodies } from "./case-bodies.js";
import { localize } from "../link/localize.js";
import { layout } from "./layout.js";
import type { Page, SiteContext } from "./page.js";
import type { EditionStamp } from "../release/edition-model.js";
import { browsePage } from "./pages/browse-page.js";
import { changelogPage } from "./pages/changelog-page.js";
import { casePage } from "./pages/case-page.js";
import { homePage } from "./pages/home-page.js";
import { redirectPage, withdrawnPage } from "./pages/permalink-pages.js";
import { aboutPage, notFoundPage, searchPage } from "./pages/simple-pages.js";
import { statisticsPage } from "./pages/statistics-page.js";
import { termPages } from "./pages/term-pages.js";
import { translator, type ThemeStrings } from "./theme-strings.js";
import { serialisePage } from "./serialise-page.js";
import { fileForPath, paths } from "./urls.js";

/** A rendered page: where it goes, its HTML, and whether the search index takes it. */
export interface RenderedPage {
  path: string;
  file: string;
  lang: Language;
  html: string;
  searchable: boolean;
  alternates: Partial<Record<Language, string>>;
  /** Left out of the sitemap (redirects and withdrawn cases). */
  unlisted?: boolean;
}

export interface SiteOptions {
  strings: ThemeStrings;
  buildDate: string;
  withPdf: boolean;
  related: ReadonlyMap<string, readonly CaseEntry[]>;
  /** Set by a release: the edition stamped on every page, and its changelog page. */
  edition?: EditionStamp | undefined;
}

export function siteContext(book: Casebook, lang: Language, options: SiteOptions): SiteContext {
  return {
    book,
    lang,
    t: translator(options.strings, lang),
    strings: options.strings,
    buildDate: options.buildDate,
    withPdf: options.withPdf,
    related: options.related,
    edition: options.edition,
    cards: new Map(),
  };
}

/** The pages of one case in every language: its bodies are rendered once and shared. Pure. */
export function renderCasePages(book: Casebook, entry: CaseEntry, options: SiteOptions): RenderedPage[] {
  const bodies = renderCaseBodies(entry, book);
  return book.languages.map((lang) => {
    const ctx = siteContext(book, lang, options);
    return renderPage(casePage(entry, ctx, bodies), ctx);
  });
}

/** Every page of one language that is not a case page, in a stable order. Pure. */
export function renderListings(book: Casebook, lang: Language, options: SiteOptions): RenderedPage[] {
  const ctx = siteContext(book, lang, options);
  const pages: Page[] = [homePage(ctx), browsePage(ctx), ...termPages(ctx), statisticsPage(ctx), searchPage(ctx), aboutPage(ctx)];
  if (options.edition) pages.push(changelogPage(options.edition.changelog, ctx));
  return pages.map((page) => renderPage(page, ctx));
}

/** The pages that belong to no language: the language chooser at `/` and the 404 page. */
export function renderShared(book: Casebook, options: SiteOptions): RenderedPage[] {
  const lang = book.config.defaultLanguage;
  const ctx = siteContext(book, lang, options);
  const chooser: Page = {
    path: "/",
    lang,
    title: localize(book.config.title, lang),
    alternates: Object.fromEntries(book.languages.map((l) => [l, paths.home(l)])),
    main: [
      h("h1", localize(book.config.title, lang)),
      h("nav", { ariaLabel: ctx.t("root.choose") }, [
        h("ul.language-chooser", book.languages.map((l) => {
          const t = translator(options.strings, l);
          return h("li", { lang: l }, [h("a", { href: paths.home(l), hrefLang: l }, [h("strong", localize(book.config.title, l)), h("span", ` — ${t("language.name")}`)])]);
        })),
      ]),
    ],
  };
  return [renderPage(chooser, ctx), renderPage(notFoundPage(ctx), ctx)];
}

/** What answers at the URLs of renamed and withdrawn cases (from the config), in every language. Pure. */
export function renderPermalinks(book: Casebook, options: SiteOptions): RenderedPage[] {
  return book.languages.flatMap((lang) => {
    const ctx = siteContext(book, lang, options);
    const redirects = Object.entries(book.config.redirects).map(([from, to]): RenderedPage => {
      const { path, document } = redirectPage(from, to, ctx);
      return { path, file: fileForPath(path), lang, html: toHtml(document), searchable: false, alternates: {}, unlisted: true };
    });
    const withdrawn = book.config.withdrawn.map((entry) => ({ ...renderPage(withdrawnPage(entry, ctx), ctx), unlisted: true }));
    return [...redirects, ...withdrawn];
  });
}

function renderPage(page: Page, ctx: SiteContext): RenderedPage {
  return {
    path: page.path,
    file: fileForPath(page.path),
    lang: page.lang,
    html: serialisePage(layout(page, ctx)),
    searchable: page.searchable ?? false,
    alternates: page.alternates,
  };
}
