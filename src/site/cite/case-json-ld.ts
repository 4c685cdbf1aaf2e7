import { countryName } from "../../../schema/countries.js";
import type { Casebook, CaseView } from "../../link/casebook-model.js";
import { localize } from "../../link/localize.js";
import { termLabel } from "../data/term-labels.js";
import { absoluteUrl, paths } from "../urls.js";
import { licenseUrl } from "./license-url.js";

type JsonLd = Record<string, unknown>;

/**
 * schema.org metadata of a case page, as a `ScholarlyArticle` (a subtype of `Article`, so search
 * engines that know only Article still read it). It describes the version the view shows, in that
 * version's language, at that version's page. Authors are typed `Person`: the data does not say
 * which names are organisations.
 */
export function caseJsonLd(view: CaseView, book: Casebook): JsonLd {
  const { entry, version } = view;
  const { data } = entry;
  const lang = version.lang;
  const base = book.config.baseUrl;
  const url = absoluteUrl(base, paths.case(lang, entry.id));
  const person = (p: { name: string; affiliation?: string | undefined; orcid?: string | undefined }): JsonLd => ({
    "@type": "Person",
    name: p.name,
    ...(p.affiliation ? { affiliation: { "@type": "Organization", name: p.affiliation } } : {}),
    ...(p.orcid ? { sameAs: `https://orcid.org/${p.orcid}` } : {}),
  });
  const publisher = { "@type": "Organization", name: localize(book.config.publisher, lang) };
  // Model types and sectors have pages of their own on the site: they name the terms and their sets.
  const term = (set: string, terms: Casebook["vocabularies"]["sectors"], page: (id: string) => string) => (id: string) => ({
    "@type": "DefinedTerm",
    name: termLabel(terms, id, lang),
    termCode: id,
    url: absoluteUrl(base, page(id)),
    inDefinedTermSet: absoluteUrl(base, set),
  });
  const model = term(paths.models(lang), book.vocabularies.modelTypes, (id) => paths.model(lang, id));
  const sector = term(paths.sectors(lang), book.vocabularies.sectors, (id) => paths.sector(lang, id));
  return {
    "@context": "https://schema.org",
    "@type": "ScholarlyArticle",
    "@id": url,
    url,
    mainEntityOfPage: url,
    inLanguage: lang,
    headline: version.title,
    name: version.title,
    abstract: version.summary,
    description: version.summary,
    author: data.authors.map(person),
    ...(version.translators.length ? { translator: version.translators.map(person) } : {}),
    datePublished: version.published,
    dateModified: version.updated ?? version.published,
    about: [...data.models.map(model), ...data.sectors.map(sector)],
    ...(version.tags.length ? { keywords: [...version.tags] } : {}),
    spatialCoverage: data.countries.map((code) => ({ "@type": "Country", name: countryName(code, lang), identifier: code })),
    temporalCoverage: `${data.period.start}/${data.period.end ?? ".."}`,
    isPartOf: {
      "@type": "Book",
      name: localize(book.config.title, lang),
      bookEdition: book.config.edition,
      url: absoluteUrl(base, paths.home(lang)),
      publisher,
    },
    publisher,
    license: licenseUrl(data.license),
    isAccessibleForFree: true,
    ...(version.isTranslation ? { translationOfWork: { "@id": absoluteUrl(base, paths.case(entry.originalLang, entry.id)) } } : {}),
  };
}

const UNSAFE_IN_SCRIPT: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * JSON for the inside of `<script type="application/ld+json">`: `<`, `>` and `&` become `\u…`
 * escapes, so neither `</script>` nor `<!--` can occur, and U+2028/U+2029 are escaped for old
 * JavaScript parsers. `JSON.parse` gives back exactly the original strings.
 */
export function jsonLdScriptText(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => UNSAFE_IN_SCRIPT[c] ?? c);
}
