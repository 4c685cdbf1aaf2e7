import type { Language } from "../../../schema/languages.js";
import type { Casebook, CaseView } from "../../link/casebook-model.js";
import { localize } from "../../link/localize.js";
import { absoluteUrl, paths } from "../urls.js";
import { BABEL_LANGUAGE, CITATION_WORDS } from "./citation-words.js";
import { escapeLatex } from "./latex-escape.js";

/** A piece of a formatted reference: plain text, italic text, or a link (its text is the URL). */
export type ReferencePart = { text: string; italic?: true; href?: string };

/**
 * What every format cites: the version the view shows (a fallback view cites the original, at its
 * own page), inside the casebook's edition with the title and publisher in that version's language.
 */
function cited(view: CaseView, book: Casebook) {
  const { entry, version } = view;
  const lang = version.lang;
  return {
    key: `casebook-${entry.id}-${version.lang}`,
    authors: entry.data.authors.map((a) => a.name),
    translators: version.translators.map((t) => t.name),
    year: version.published.slice(0, 4),
    title: version.title,
    bookTitle: localize(book.config.title, lang),
    publisher: localize(book.config.publisher, lang),
    edition: book.config.edition,
    /**
     * The edition as BibTeX and CSL should print it: a small number stays a number (styles print
     * "2nd ed."), anything else (a year such as 2025) becomes text, or styles print "2025th".
     */
    editionText: /^\d{1,2}$/.test(book.config.edition) ? book.config.edition : CITATION_WORDS[lang].edition(book.config.edition),
    url: absoluteUrl(book.config.baseUrl, paths.case(version.lang, entry.id)),
  };
}

/**
 * An APA-like reference, in parts so that a renderer can set the casebook's title in italics and the
 * URL as a link without building HTML from strings: `Authors (year). Title (Translators, Trans.).
 * In *Casebook* (edition ed.). Publisher. URL`, with the connecting words in the reader's language
 * `lang`. Names are printed as written: the data does not split family and given names, and many
 * are organisations or Chinese names.
 */
export function caseReferenceParts(view: CaseView, book: Casebook, lang: Language): ReferencePart[] {
  const c = cited(view, book);
  const words = CITATION_WORDS[lang];
  const end = (text: string) => (/[.!?。！？]$/.test(text) ? "" : ".");
  const translation = c.translators.length ? ` (${words.translated(words.joinNames(c.translators))})` : "";
  return [
    { text: `${words.joinNames(c.authors)} (${c.year}). ${c.title}${translation}${translation ? "." : end(c.title)} ${words.in} ` },
    { text: c.bookTitle, italic: true },
    { text: ` (${words.edition(c.edition)}). ${c.publisher}${end(c.publisher)} ` },
    { text: c.url, href: c.url },
  ];
}

/** The reference as plain text (for a page's text, a copy button or a test). */
export function caseReference(view: CaseView, book: Casebook, lang: Language): string {
  return caseReferenceParts(view, book, lang)
    .map((part) => part.text)
    .join("");
}

/**
 * A BibTeX `@incollection` entry (the case is a chapter of the casebook) with the stable key
 * `casebook-<id>-<lang>`. Every name is braced so that BibTeX neither splits an organisation's name
 * nor reads "and" inside a name; every text is escaped; `url` is left verbatim (biblatex and the url
 * package read it as is) with any brace or backslash removed.
 */
export function caseBibtex(view: CaseView, book: Casebook): string {
  const c = cited(view, book);
  const names = (list: readonly string[]) => list.map((n) => `{${escapeLatex(n)}}`).join(" and ");
  const fields: [string, string][] = [
    ["author", names(c.authors)],
    ...(c.translators.length ? ([["translator", names(c.translators)]] as [string, string][]) : []),
    ["title", escapeLatex(c.title)],
    ["booktitle", escapeLatex(c.bookTitle)],
    ["edition", escapeLatex(c.editionText)],
    ["publisher", escapeLatex(c.publisher)],
    ["year", c.year],
    ["date", view.version.published],
    ["url", c.url.replace(/[{}\\\s]/g, "")],
  ];
  const langid = BABEL_LANGUAGE[view.version.lang];
  if (langid) fields.push(["langid", langid]);
  if (view.version.tags.length) fields.push(["keywords", view.version.tags.map(escapeLatex).join(", ")]);
  const width = Math.max(...fields.map(([name]) => name.length));
  return `@incollection{${c.key},\n${fields.map(([name, value]) => `  ${name.padEnd(width)} = {${value}}`).join(",\n")}\n}\n`;
}

/** A CSL-JSON item (as read by Zotero, Pandoc and citeproc), of type `chapter`. */
export interface CslItem {
  id: string;
  type: "chapter";
  title: string;
  "container-title": string;
  publisher: string;
  edition: string;
  URL: string;
  language: string;
  abstract: string;
  issued: { "date-parts": [[number, number, number]] };
  author: { literal: string }[];
  translator?: { literal: string }[];
  keyword?: string;
}

export function caseCslJson(view: CaseView, book: Casebook): CslItem {
  const c = cited(view, book);
  const [y, m, d] = view.version.published.split("-").map(Number) as [number, number, number];
  return {
    id: c.key,
    type: "chapter",
    title: c.title,
    "container-title": c.bookTitle,
    publisher: c.publisher,
    edition: c.editionText,
    URL: c.url,
    language: view.version.lang,
    abstract: view.version.summary,
    issued: { "date-parts": [[y, m, d]] },
    author: c.authors.map((literal) => ({ literal })),
    ...(c.translators.length ? { translator: c.translators.map((literal) => ({ literal })) } : {}),
    ...(view.version.tags.length ? { keyword: view.version.tags.join(", ") } : {}),
  };
}
