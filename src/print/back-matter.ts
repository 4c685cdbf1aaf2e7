import type { Element, ElementContent } from "hast";
import { h } from "hastscript";
import { viewCase } from "../link/case-view.js";
import type { CaseEntry } from "../link/casebook-model.js";
import { byLabel, countryLabel, termLabel } from "../site/components/labels.js";
import { anchors, HTML_LANG, pageNumber, pageRef, textWith, type PrintContext } from "./print-context.js";
import { versoFiller } from "./verso-filler.js";

interface Contributor {
  name: string;
  affiliation?: string | undefined;
  orcid?: string | undefined;
  cases: { entry: CaseEntry; translation: boolean }[];
}

/** Everyone who wrote or translated a case of this book, with the cases and their pages. */
export function contributors(ctx: PrintContext): ElementContent[] {
  const people = new Map<string, Contributor>();
  const add = (p: { name: string; affiliation?: string | undefined; orcid?: string | undefined }, entry: CaseEntry, translation: boolean) => {
    const key = `${p.name}\u0000${p.affiliation ?? ""}`;
    const person = people.get(key) ?? { name: p.name, affiliation: p.affiliation, orcid: p.orcid, cases: [] };
    if (!person.cases.some((c) => c.entry === entry && c.translation === translation)) person.cases.push({ entry, translation });
    people.set(key, person);
  };
  for (const entry of ctx.book.cases) {
    for (const author of entry.data.authors) add(author, entry, false);
    for (const translator of viewCase(entry, ctx.lang).version.translators) add(translator, entry, true);
  }
  const sorted = byLabel([...people.values()], (p) => p.name, ctx.lang);
  const caseRef = (c: Contributor["cases"][number]) => {
    const anchor = anchors.case(c.entry.id);
    const ref = textWith(ctx, "print.casePage", { case: ctx.t("case.number", { number: c.entry.number }), page: pageRef(anchor, ctx) });
    return h("span.contributor-case", c.translation ? [...ref, ` (${ctx.t("print.translation")})`] : ref);
  };
  return [
    versoFiller(anchors.contributors),
    h("section.chapter.contributors", { id: anchors.contributors, style: `page: ${anchors.contributors}` }, [
      h("h1", ctx.t("print.contributors")),
      h(
        "ul.contributor-list",
        sorted.map((p) =>
          h("li", [
            h("span.contributor-name", p.name),
            p.affiliation ? [", ", h("span.contributor-affiliation", p.affiliation)] : "",
            p.orcid ? ` · ORCID ${p.orcid}` : "",
            h("br"),
            ...joined(p.cases.map(caseRef), "; "),
          ]),
        ),
      ),
    ]),
  ];
}

/**
 * The indexes at the back: every country a case involves and every model of cooperation, each with
 * its cases and the page each case starts on.
 */
export function bookIndexes(ctx: PrintContext): ElementContent[] {
  const { book, lang } = ctx;
  const countries = collect(book.cases, (e) => e.data.countries);
  const models = collect(book.cases, (e) => e.data.models);
  const modelOrder = book.vocabularies.modelTypes.map((m) => m.id).filter((id) => models.has(id));
  return [
    indexSection(anchors.indexCountries, ctx.t("print.indexCountries"), byLabel([...countries.keys()], (c) => countryLabel(c, lang), lang).map((c) => [countryLabel(c, lang), countries.get(c) ?? []]), ctx, true),
    indexSection(anchors.indexModels, ctx.t("print.indexModels"), modelOrder.map((m) => [termLabel(book.vocabularies, "modelTypes", m, lang), models.get(m) ?? []]), ctx, false),
  ].flat();
}

function indexSection(anchor: string, title: string, groups: [string, CaseEntry[]][], ctx: PrintContext, recto: boolean): ElementContent[] {
  const entryLine = (entry: CaseEntry) => {
    const version = viewCase(entry, ctx.lang).version;
    return h("li", [
      h("a.index-line", { href: `#${anchors.case(entry.id)}` }, [
        h("span.index-case", [h("span.toc-number", String(entry.number)), h("span.index-title", { lang: version.lang !== ctx.lang ? HTML_LANG[version.lang] : undefined }, version.title)]),
        h("span.toc-fill"),
        pageNumber(anchors.case(entry.id), ctx),
      ]),
    ]);
  };
  const section: Element = h("section.chapter.book-index", { id: anchor, style: `page: ${anchor}` }, [
    h("h1", title),
    h("div.index-columns", groups.map(([term, entries]) => h("div.index-group", [h("p.index-term", term), h("ul", entries.map(entryLine))]))),
  ]);
  return recto ? [versoFiller(anchor), section] : [section];
}

function collect(cases: readonly CaseEntry[], terms: (entry: CaseEntry) => readonly string[]): Map<string, CaseEntry[]> {
  const map = new Map<string, CaseEntry[]>();
  for (const entry of cases) for (const term of terms(entry)) map.set(term, [...(map.get(term) ?? []), entry]);
  return map;
}

function joined(items: ElementContent[], separator: string): ElementContent[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [{ type: "text", value: separator } as ElementContent, item]));
}
