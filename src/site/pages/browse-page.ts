
import { h } from "hastscript";
import type { CaseEntry } from "../../link/casebook-model.js";
import { caseCard } from "../components/case-card.js";
import { byLabel, countryLabel, termLabel } from "../components/labels.js";
import { sameInEveryLanguage, type Page, type SiteContext } from "../page.js";
import { paths } from "../urls.js";

interface Facet {
  name: string;
  label: string;
  options: { value: string; label: string; count: number }[];
}

/** Every case as a card, with facets that filter live (OR within a facet, AND across facets). */
export function browsePage(ctx: SiteContext): Page {
  const { t, lang, book } = ctx;
  const facets = facetsOf(book.cases, ctx);
  const years = book.cases.map((c) => c.data.period.start);
  const minYear = Math.min(...years);
  const maxYear = Math.max(...book.cases.map((c) => c.data.period.end ?? c.data.period.start), ...years);
  const form = h("form.facets", { hidden: true, ariaLabelledby: "facets-title" }, [
    h("h2#facets-title", t("browse.filters")),
    ...facets.map((facet) =>
      h("fieldset.facet", { dataFacet: facet.name }, [
        h("legend", facet.label),
        h(
          "ul",
          facet.options.map((o) =>
            h("li", [
              h("label", [
                h("input", { type: "checkbox", name: facet.name, value: o.value }),
                ` ${o.label} `,
                h("span.facet-count", { dataCount: "" }, `(${o.count})`),
              ]),
            ]),
          ),
        ),
      ]),
    ),
    h("fieldset.facet.facet-period", [
      h("legend", t("facet.period")),
      h("label", ["≥ ", h("input", { type: "number", name: "from", min: minYear, max: maxYear, placeholder: String(minYear), inputMode: "numeric", ariaLabel: `${t("facet.period")} ≥` })]),
      h("label", ["≤ ", h("input", { type: "number", name: "to", min: minYear, max: maxYear, placeholder: String(maxYear), inputMode: "numeric", ariaLabel: `${t("facet.period")} ≤` })]),
    ]),
    h("p.facet-buttons", [h("button", { type: "submit" }, t("browse.apply")), " ", h("button.facet-reset", { type: "reset" }, t("browse.reset"))]),
  ]);
  const staticFacets = h("nav.static-facets", { ariaLabel: t("browse.filters") }, [
    h("ul", [
      h("li", [h("a", { href: paths.countries(lang) }, t("terms.countries"))]),
      h("li", [h("a", { href: paths.models(lang) }, t("terms.models"))]),
      h("li", [h("a", { href: paths.sectors(lang) }, t("terms.sectors"))]),
    ]),
  ]);
  const list = h("ul.case-list", { id: "case-list" }, book.cases.map((c) => caseCard(c, ctx)));
  return {
    path: paths.browse(lang),
    lang,
    title: t("browse.title"),
    alternates: sameInEveryLanguage(book, paths.browse),
    main: [
      h("h1", t("browse.title")),
      h("div.browse", [
        h("div.browse-filters", [staticFacets, form]),
        h("div.browse-results", [
          h("p.browse-status", { role: "status", ariaLive: "polite", dataTemplate: t("browse.showing", { shown: "{shown}", total: "{total}" }) }, t("browse.showing", { shown: book.cases.length, total: book.cases.length })),
          h("p.browse-empty", { hidden: true }, t("browse.none")),
          list,
        ]),
      ]),
    ],
    scripts: ["facets.js"],
  };
}

function facetsOf(cases: readonly CaseEntry[], ctx: SiteContext): Facet[] {
  const { t, lang, book } = ctx;
  const count = (pick: (c: CaseEntry) => readonly string[]) => {
    const counts = new Map<string, number>();
    for (const c of cases) for (const v of new Set(pick(c))) counts.set(v, (counts.get(v) ?? 0) + 1);
    return counts;
  };
  const facet = (name: string, label: string, pick: (c: CaseEntry) => readonly string[], labelOf: (v: string) => string): Facet => {
    const counts = count(pick);
    return {
      name,
      label,
      options: byLabel([...counts.keys()], labelOf, lang).map((value) => ({ value, label: labelOf(value), count: counts.get(value) ?? 0 })),
    };
  };
  const v = book.vocabularies;
  return [
    facet("country", t("facet.country"), (c) => c.data.countries, (code) => countryLabel(code, lang)),
    facet("model", t("facet.model"), (c) => c.data.models, (id) => termLabel(v, "modelTypes", id, lang)),
    facet("sector", t("facet.sector"), (c) => c.data.sectors, (id) => termLabel(v, "sectors", id, lang)),
    facet("direction", t("facet.direction"), (c) => [c.data.direction], (id) => termLabel(v, "directions", id, lang)),
  ];
}

