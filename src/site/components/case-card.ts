import type { Element, ElementContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import { viewCase } from "../../link/case-view.js";
import type { CaseEntry } from "../../link/casebook-model.js";
import type { SiteContext } from "../page.js";
import { paths } from "../urls.js";
import { countryLabel, termLabel } from "./labels.js";

/**
 * A case in a list: title, summary and the facets, with data attributes the facet script reads.
 * A case's card is the same on every listing of a language (browse, terms, home), so it is
 * serialised once per rendering (`ctx.cards`) and joins each page as that HTML.
 */
export function caseCard(entry: CaseEntry, ctx: SiteContext, headingLevel: "h2" | "h3" = "h2"): ElementContent {
  const key = `${headingLevel} ${entry.id}`;
  let html = ctx.cards.get(key);
  if (html === undefined) {
    html = toHtml(cardElement(entry, ctx, headingLevel));
    ctx.cards.set(key, html);
  }
  return { type: "raw", value: html };
}

function cardElement(entry: CaseEntry, ctx: SiteContext, headingLevel: "h2" | "h3"): Element {
  const { lang, t, book } = ctx;
  const view = viewCase(entry, lang);
  const d = entry.data;
  const period = d.period.end ? `${d.period.start}–${d.period.end}` : t("case.ongoing", { start: d.period.start });
  return h(
    "li.case-card",
    {
      dataCountries: d.countries.join(" "),
      dataModels: d.models.join(" "),
      dataSectors: d.sectors.join(" "),
      dataDirection: d.direction,
      dataStart: String(d.period.start),
      dataEnd: String(d.period.end ?? 9999),
    },
    [
      h(headingLevel, { className: ["case-card-title"] }, [
        h("a", { href: paths.case(lang, entry.id), lang: view.fallback ? view.version.lang : undefined }, view.version.title),
      ]),
      view.fallback ? h("p.fallback-note", t("case.fallback")) : null,
      h("p.case-card-summary", { lang: view.fallback ? view.version.lang : undefined }, view.version.summary),
      h("ul.case-card-facts", [
        h("li", d.countries.map((c) => countryLabel(c, lang)).join(" · ")),
        h("li", d.models.map((m) => termLabel(book.vocabularies, "modelTypes", m, lang)).join(" · ")),
        h("li", [termLabel(book.vocabularies, "directions", d.direction, lang), " · ", period]),
      ]),
    ],
  );
}
