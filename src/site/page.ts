import type { Element, ElementContent } from "hast";
import type { Language } from "../../schema/languages.js";
import type { Casebook, CaseEntry } from "../link/casebook-model.js";
import type { EditionStamp } from "../release/edition-model.js";
import type { ThemeStrings, Translate } from "./theme-strings.js";

/** What every page template receives. */
export interface SiteContext {
  book: Casebook;
  lang: Language;
  t: Translate;
  strings: ThemeStrings;
  /** ISO date of the build (from SOURCE_DATE_EPOCH when set). */
  buildDate: string;
  /** Whether PDFs are produced, so pages link to them. */
  withPdf: boolean;
  /** Related cases of each case, computed once for the whole casebook. */
  related: ReadonlyMap<string, readonly CaseEntry[]>;
  /** The released edition the site belongs to (a banner on every page); absent in a plain build. */
  edition?: EditionStamp | undefined;
  /** The case cards serialised so far in this rendering, by heading level and case (see caseCard). */
  cards: Map<string, string>;
}

/** A page before the layout wraps it. */
export interface Page {
  path: string;
  lang: Language;
  title: string;
  description?: string;
  /** The same page in each language, for hreflang and the language switcher. */
  alternates: Partial<Record<Language, string>>;
  main: (ElementContent | null)[];
  /** Marks the page's content for the search index (case pages only). */
  searchable?: boolean;
  /** Scripts the page needs, by asset name (search and facets only). */
  scripts?: string[];
  jsonLd?: string;
  ogType?: "website" | "article";
  /** Extra classes on <body>. */
  bodyClass?: string;
  /** Kept out of search engines (the page of a withdrawn case). */
  noindex?: boolean;
}

export function sameInEveryLanguage(book: Casebook, path: (lang: Language) => string): Partial<Record<Language, string>> {
  return Object.fromEntries(book.languages.map((l) => [l, path(l)]));
}

export type { Element };
