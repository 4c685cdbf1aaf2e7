import type { Language } from "../../../schema/languages.js";
import { viewCase } from "../../link/case-view.js";
import type { Casebook, CaseView } from "../../link/casebook-model.js";
import { localize } from "../../link/localize.js";
import { termLabel } from "../data/term-labels.js";
import { absoluteUrl, paths } from "../urls.js";
import { xmlElement } from "./xml-text.js";

export interface AtomFeedOptions {
  /** The build's date (ISO), derived by the caller from SOURCE_DATE_EPOCH: the feed's date when it has no entry. */
  buildDate: string;
}

/** How an entry shown in its original language (no translation yet) is marked, in the feed's language. */
const UNTRANSLATED: Record<Language, string> = {
  en: "Not yet translated into English",
  zh: "尚无中文译本",
  fr: "Pas encore traduit en français",
  ru: "Перевод на русский пока не опубликован",
};

/** An RFC 3339 instant from a `YYYY-MM-DD` date (midnight UTC) or a full ISO date-time. */
export function atomDate(date: string): string {
  const instant = new Date(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not an ISO date: ${JSON.stringify(date)}`);
  return instant.toISOString().replace(/\.000Z$/, "Z");
}

const entryDate = (view: CaseView) => view.version.updated ?? view.version.published;

/** The cases a reader of `lang` sees, newest first (ties by case number, so the order is stable). */
export function feedViews(book: Casebook, lang: Language): CaseView[] {
  return book.cases
    .map((entry) => viewCase(entry, lang))
    .sort((a, b) => (entryDate(a) === entryDate(b) ? a.entry.number - b.entry.number : entryDate(a) < entryDate(b) ? 1 : -1));
}

/**
 * The Atom 1.0 feed of one language (`/<lang>/feed.xml`): every case a reader of that language can
 * open, a case without a translation in its original language, marked with `xml:lang`, `hreflang`
 * and an "untranslated" category. The feed's `updated` is its newest entry's date, so it changes
 * only when the content does; `buildDate` serves only for an empty feed.
 */
export function atomFeed(book: Casebook, lang: Language, options: AtomFeedOptions): string {
  const { config } = book;
  const views = feedViews(book, lang);
  const home = absoluteUrl(config.baseUrl, paths.home(lang));
  const subtitle = localize(config.subtitle, lang);
  const head = [
    xmlElement("id", {}, home),
    xmlElement("title", {}, localize(config.title, lang)),
    ...(subtitle ? [xmlElement("subtitle", {}, subtitle)] : []),
    xmlElement("link", { rel: "self", type: "application/atom+xml", href: absoluteUrl(config.baseUrl, paths.feed(lang)) }),
    xmlElement("link", { rel: "alternate", type: "text/html", hreflang: lang, href: home }),
    xmlElement("updated", {}, atomDate(views[0] ? entryDate(views[0]) : options.buildDate)),
    `<author>${xmlElement("name", {}, localize(config.publisher, lang))}</author>`,
    xmlElement("rights", {}, config.license),
    xmlElement("generator", {}, "Casebook"),
  ];
  const entries = views.map((view) => atomEntry(book, lang, view));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
    ...head.map((line) => `  ${line}`),
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

function atomEntry(book: Casebook, lang: Language, view: CaseView): string {
  const { entry, version, fallback } = view;
  const url = absoluteUrl(book.config.baseUrl, paths.case(lang, entry.id));
  const lines = [
    xmlElement("id", {}, url),
    xmlElement("title", { type: "text" }, version.title),
    xmlElement("link", { rel: "alternate", type: "text/html", hreflang: version.lang, href: url }),
    xmlElement("published", {}, atomDate(version.published)),
    xmlElement("updated", {}, atomDate(entryDate(view))),
    ...entry.data.authors.map((a) => `<author>${xmlElement("name", {}, a.name)}${a.orcid ? xmlElement("uri", {}, `https://orcid.org/${a.orcid}`) : ""}</author>`),
    ...version.translators.map((t) => `<contributor>${xmlElement("name", {}, t.name)}</contributor>`),
    ...entry.data.models.map((m) => xmlElement("category", { term: m, label: termLabel(book.vocabularies.modelTypes, m, lang) })),
    ...(fallback ? [xmlElement("category", { term: "untranslated", scheme: `${absoluteUrl(book.config.baseUrl, "/")}#translation`, label: UNTRANSLATED[lang] })] : []),
    xmlElement("summary", { type: "text" }, version.summary),
    xmlElement("rights", {}, entry.data.license),
  ];
  const langAttribute = fallback ? ` xml:lang="${version.lang}"` : "";
  return [`  <entry${langAttribute}>`, ...lines.map((line) => `    ${line}`), "  </entry>"].join("\n");
}
