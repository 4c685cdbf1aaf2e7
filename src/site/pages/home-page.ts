import { h } from "hastscript";
import { viewCase } from "../../link/case-view.js";
import { localize } from "../../link/localize.js";
import { casesByCountry, casesMap } from "../components/cases-map.js";
import { caseCard } from "../components/case-card.js";
import { byLabel, termLabel } from "../components/labels.js";
import { sameInEveryLanguage, type Page, type SiteContext } from "../page.js";
import { paths } from "../urls.js";

/** The front page: the edition, an introduction, counts, a map and ways in. */
export function homePage(ctx: SiteContext): Page {
  const { t, lang, book } = ctx;
  const byCountry = casesByCountry(book.cases);
  const models = new Set(book.cases.flatMap((c) => c.data.models));
  const latest = [...book.cases]
    .sort((a, b) => {
      const date = (e: typeof a) => viewCase(e, lang).version.updated ?? viewCase(e, lang).version.published;
      return date(b).localeCompare(date(a)) || a.number - b.number;
    })
    .slice(0, 6);
  const map = casesMap(ctx, "home-map", t("home.map"));
  const v = book.vocabularies;
  return {
    path: paths.home(lang),
    lang,
    title: localize(book.config.title, lang),
    description: t("home.intro"),
    alternates: sameInEveryLanguage(book, paths.home),
    bodyClass: "home",
    main: [
      h("section.hero", [
        h("h1", localize(book.config.title, lang)),
        h("p.subtitle", localize(book.config.subtitle, lang)),
        h("p.edition", t("home.edition", { edition: book.config.edition })),
        h("p.intro", t("home.intro")),
        h("p.counts", t("home.counts", { cases: book.cases.length, countries: byCountry.size, models: models.size })),
        h("p.entry-points", [
          h("a.button", { href: paths.browse(lang) }, t("nav.browse")),
          " ",
          h("a.button", { href: paths.search(lang) }, t("nav.search")),
          ctx.withPdf ? [" ", h("a.button", { href: paths.bookPdf(lang) }, `${t("case.pdf")}`)] : null,
        ]),
      ]),
      h("section.home-map", { ariaLabelledby: "home-map-section" }, [h("h2#home-map-section", t("home.map")), h("figure", [map.svg])]),
      h("section", { ariaLabelledby: "home-latest" }, [h("h2#home-latest", t("home.latest")), h("ul.case-list.compact", latest.map((c) => caseCard(c, ctx, "h3")))]),
      h("section.home-terms", { ariaLabelledby: "home-models" }, [
        h("h2#home-models", t("home.byModel")),
        h("ul.term-list", byLabel([...models], (m) => termLabel(v, "modelTypes", m, lang), lang).map((m) => h("li", [h("a", { href: paths.model(lang, m) }, termLabel(v, "modelTypes", m, lang))]))),
        h("p", [h("a", { href: paths.sectors(lang) }, t("home.bySector")), " · ", h("a", { href: paths.countries(lang) }, t("home.byCountry"))]),
      ]),
    ],
  };
}
