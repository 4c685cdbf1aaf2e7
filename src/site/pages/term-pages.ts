import { h } from "hastscript";
import type { Language } from "../../../schema/languages.js";
import type { CaseEntry } from "../../link/casebook-model.js";
import { caseCard } from "../components/case-card.js";
import { byLabel, countryLabel } from "../components/labels.js";
import { sameInEveryLanguage, type Page, type SiteContext } from "../page.js";
import { paths } from "../urls.js";

interface Dimension {
  titleKey: string;
  index: (lang: Language) => string;
  term: (lang: Language, value: string) => string;
  pick: (c: CaseEntry) => readonly string[];
  label: (value: string, lang: Language) => string;
  description?: (value: string, lang: Language) => string | undefined;
}

/** The country, model-type and sector listings: an index of terms, and a page per term. */
export function termPages(ctx: SiteContext): Page[] {
  const v = ctx.book.vocabularies;
  const vocab = (terms: typeof v.modelTypes) => ({
    label: (id: string, lang: Language) => terms.find((x) => x.id === id)?.labels[lang] ?? id,
    description: (id: string, lang: Language) => terms.find((x) => x.id === id)?.description?.[lang],
  });
  const dimensions: Dimension[] = [
    { titleKey: "terms.countries", index: paths.countries, term: paths.country, pick: (c) => c.data.countries, label: countryLabel },
    { titleKey: "terms.models", index: paths.models, term: paths.model, pick: (c) => c.data.models, ...vocab(v.modelTypes) },
    { titleKey: "terms.sectors", index: paths.sectors, term: paths.sector, pick: (c) => c.data.sectors, ...vocab(v.sectors) },
  ];
  return dimensions.flatMap((d) => dimensionPages(d, ctx));
}

function dimensionPages(d: Dimension, ctx: SiteContext): Page[] {
  const { t, lang, book } = ctx;
  const groups = new Map<string, CaseEntry[]>();
  for (const c of book.cases)
    for (const value of new Set(d.pick(c))) {
      const group = groups.get(value);
      if (group) group.push(c);
      else groups.set(value, [c]);
    }
  const values = byLabel([...groups.keys()], (x) => d.label(x, lang), lang);
  const index: Page = {
    path: d.index(lang),
    lang,
    title: t(d.titleKey),
    alternates: sameInEveryLanguage(book, d.index),
    main: [
      h("h1", t(d.titleKey)),
      h(
        "ul.term-list",
        values.map((value) =>
          h("li", [h("a", { href: d.term(lang, value) }, d.label(value, lang)), " ", h("span.term-count", `(${t("terms.cases", { count: groups.get(value)?.length ?? 0 })})`)]),
        ),
      ),
    ],
  };
  const termPages = values.map((value): Page => {
    const description = d.description?.(value, lang);
    return {
      path: d.term(lang, value),
      lang,
      title: d.label(value, lang),
      ...(description ? { description } : {}),
      alternates: sameInEveryLanguage(book, (l) => d.term(l, value)),
      main: [
        h("nav.breadcrumb", { ariaLabel: t(d.titleKey) }, [h("a", { href: d.index(lang) }, t(d.titleKey))]),
        h("h1", d.label(value, lang)),
        description ? h("p.term-description", description) : null,
        h("p", t("terms.cases", { count: groups.get(value)?.length ?? 0 })),
        h("ul.case-list", (groups.get(value) ?? []).map((c) => caseCard(c, ctx))),
      ],
    };
  });
  return [index, ...termPages];
}
