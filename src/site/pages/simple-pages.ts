import { h } from "hastscript";
import { localize } from "../../link/localize.js";
import { sameInEveryLanguage, type Page, type SiteContext } from "../page.js";
import { paths } from "../urls.js";

/** The search page: a form that the search script brings to life, and a way round it without. */
export function searchPage(ctx: SiteContext): Page {
  const { t, lang, book } = ctx;
  return {
    path: paths.search(lang),
    lang,
    title: t("search.title"),
    alternates: sameInEveryLanguage(book, paths.search),
    scripts: ["search.js"],
    main: [
      h("h1", t("search.title")),
      h("form.search-form", { role: "search", action: paths.search(lang), method: "get", dataLang: lang }, [
        h("label", { htmlFor: "search-input" }, t("search.label")),
        h("span.search-box", [h("input#search-input", { type: "search", name: "q", autoComplete: "off" }), " ", h("button", { type: "submit" }, t("nav.search"))]),
        h("label.search-all", [h("input", { type: "checkbox", name: "all", value: "1" }), ` ${t("search.allLanguages")}`]),
        h("label", { htmlFor: "search-sort" }, t("search.sort")),
        h("select#search-sort", { name: "sort" }, [
          h("option", { value: "" }, t("search.relevance")),
          h("option", { value: "desc" }, t("search.newest")),
          h("option", { value: "asc" }, t("search.oldest")),
        ]),
        h("div.search-filters", { dataLabels: JSON.stringify(filterLabels(ctx)) }),
      ]),
      h("p.search-status", { role: "status", ariaLive: "polite", dataTemplate: t("search.results", { count: "{count}" }) }),
      h("ol.search-results"),
      h("noscript", [h("p", [t("search.noscript"), " ", h("a", { href: paths.browse(lang) }, t("nav.browse"))])]),
    ],
  };
}

/** Labels the search script shows for filter names and values, in the page's language. */
function filterLabels(ctx: SiteContext): Record<string, Record<string, string>> {
  const { t, lang, book } = ctx;
  const v = book.vocabularies;
  const terms = (list: typeof v.modelTypes) => Object.fromEntries(list.map((x) => [x.id, x.labels[lang]]));
  const countries = Object.fromEntries(
    [...new Set(book.cases.flatMap((c) => c.data.countries))].map((code) => [code, new Intl.DisplayNames([lang], { type: "region" }).of(code) ?? code]),
  );
  return {
    names: { country: t("facet.country"), model: t("facet.model"), sector: t("facet.sector"), direction: t("facet.direction"), year: t("facet.year") },
    country: countries,
    model: terms(v.modelTypes),
    sector: terms(v.sectors),
    direction: terms(v.directions),
  };
}

export function aboutPage(ctx: SiteContext): Page {
  const { t, lang, book } = ctx;
  return {
    path: paths.about(lang),
    lang,
    title: t("about.title"),
    alternates: sameInEveryLanguage(book, paths.about),
    main: [
      h("h1", t("about.title")),
      h("p.lead", localize(book.config.subtitle, lang)),
      h("p", t("home.intro")),
      h("p", t("footer.illustrative")),
      h("h2", t("about.contribute")),
      h("p", t("about.contributeText")),
      h("h2", t("footer.data")),
      h("p", t("about.data")),
      h("ul", [
        h("li", [h("a", { href: paths.data("cases.json") }, "cases.json")]),
        h("li", [h("a", { href: paths.data("cases.csv") }, "cases.csv")]),
        h("li", [h("a", { href: paths.schema() }, "case.schema.json")]),
        h("li", [h("a", { href: paths.feed(lang) }, t("footer.feed"))]),
      ]),
    ],
  };
}

export function notFoundPage(ctx: SiteContext): Page {
  const { t, lang, book } = ctx;
  return {
    path: paths.notFound(),
    lang,
    title: t("notFound.title"),
    alternates: {},
    main: [
      h("h1", t("notFound.title")),
      h("p", t("notFound.text")),
      h("ul", book.languages.map((l) => h("li", [h("a", { href: paths.browse(l), hrefLang: l }, `${paths.browse(l)}`)]))),
    ],
  };
}
