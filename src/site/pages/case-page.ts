import type { Element, ElementContent } from "hast";
import { h } from "hastscript";
import { LANGUAGES, type Language } from "../../../schema/languages.js";
import { viewCase } from "../../link/case-view.js";
import type { CaseEntry } from "../../link/casebook-model.js";
import type { CaseBodies } from "../case-bodies.js";
import { caseBibtex, caseCslJson, caseReferenceParts } from "../cite/citation.js";
import { caseJsonLd, jsonLdScriptText } from "../cite/case-json-ld.js";
import { caseFacts, outcomesTable } from "../components/case-facts.js";
import { relatedCases } from "../components/related-cases.js";
import { staleNote } from "../components/stale-note.js";
import { translator } from "../theme-strings.js";
import { sameInEveryLanguage, type Page, type SiteContext } from "../page.js";
import { paths } from "../urls.js";

/** A case page: title, summary, facts, outcomes, body with contents, authors, citation, neighbours. */
export function casePage(entry: CaseEntry, ctx: SiteContext, bodies: CaseBodies): Page {
  const { lang, t, book } = ctx;
  const view = viewCase(entry, lang);
  const { version } = view;
  const contentLang = version.lang;
  const rendered = bodies.forReader(contentLang, lang);
  // The original's language, named in the reader's language ("the Chinese original").
  const langName = (l: Language) => new Intl.DisplayNames([lang], { type: "language" }).of(l) ?? l;
  const prev = book.cases[entry.number - 2];
  const next = book.cases[entry.number];
  const article = h("article.case", { lang: contentLang !== lang ? contentLang : undefined, dataPagefindBody: "" }, [
    h("header.case-header", [
      h("p.case-number", t("case.number", { number: entry.number })),
      h("h1", version.title),
      version.status === "draft" ? h("p.draft-note", t("case.draft")) : null,
      view.fallback ? h("p.fallback-note", { lang }, t("case.fallback")) : null,
      version.isTranslation ? h("p.translation-note", { lang }, t("case.translationOf", { language: langName(entry.originalLang) })) : null,
      staleNote(entry, version, ctx),
      h("p.case-summary", version.summary),
      ctx.withPdf ? h("p.case-pdf", { lang, dataPagefindIgnore: "" }, [h("a", { href: paths.casePdf(lang, entry.id), download: "" }, `${t("case.pdf")} (PDF)`)]) : null,
    ]),
    filters(entry, ctx),
    caseFacts(entry, ctx),
    outcomesTable(entry, ctx),
    rendered.headings.length
      ? h("nav.case-toc", { ariaLabelledby: "case-toc-title", dataPagefindIgnore: "" }, [
          h("h2#case-toc-title", t("case.contents")),
          h("ol", rendered.headings.filter((x) => x.depth === 2).map((x) => h("li", [h("a", { href: `#${x.id}` }, x.text)]))),
        ])
      : null,
    // The body is serialised once for every page that shows it (see case-bodies.ts): it joins the
    // page as HTML that was sanitised and serialised from its own tree.
    h("div.case-body", [{ type: "raw", value: rendered.html }]),
    authorsSection(entry, ctx),
  ]);
  const others = LANGUAGES.filter((l) => l !== lang && entry.versions.has(l));
  const aside: ElementContent[] = [
    others.length
      ? h("section.case-languages", { ariaLabelledby: "case-languages-title" }, [
          h("h2#case-languages-title", t("case.otherLanguages")),
          h("ul", others.map((l) => h("li", [h("a", { href: paths.case(l, entry.id), hrefLang: l, lang: l }, translator(ctx.strings, l)("language.name"))]))),
        ])
      : null,
    citeSection(entry, ctx),
    relatedCases(ctx.related.get(entry.id) ?? [], ctx),
    h("nav.case-pager", { ariaLabel: `${t("case.previous")} / ${t("case.next")}` }, [
      prev ? h("a.prev", { href: paths.case(lang, prev.id), rel: "prev" }, [h("span", t("case.previous")), " ", viewCase(prev, lang).version.title]) : null,
      next ? h("a.next", { href: paths.case(lang, next.id), rel: "next" }, [h("span", t("case.next")), " ", viewCase(next, lang).version.title]) : null,
    ]),
  ].filter((x): x is Element => x !== null);
  return {
    path: paths.case(lang, entry.id),
    lang,
    title: version.title,
    description: version.summary,
    alternates: sameInEveryLanguage(book, (l) => paths.case(l, entry.id)),
    main: [article, h("aside.case-aside", { dataPagefindIgnore: "all" }, aside)],
    // Each version is indexed once, in its own language; a fallback page repeats the original.
    searchable: !view.fallback,
    ogType: "article",
    jsonLd: jsonLdScriptText(caseJsonLd(view, book)),
  };
}

/** Hidden metadata that Pagefind reads as filters and sort keys. */
function filters(entry: CaseEntry, ctx: SiteContext): Element {
  const d = entry.data;
  const meta = (name: string, value: string) => h("span", { dataPagefindFilter: `${name}:${value}` });
  return h("div", { hidden: true }, [
    ...d.countries.map((c) => meta("country", c)),
    ...d.models.map((m) => meta("model", m)),
    ...d.sectors.map((s) => meta("sector", s)),
    meta("direction", d.direction),
    meta("year", String(d.period.start)),
    h("span", { dataPagefindSort: `year:${d.period.start}` }),
    h("span", { dataPagefindMeta: `case:${entry.id}` }),
    h("span", { dataPagefindMeta: `number:${entry.number}` }),
    h("span", { dataPagefindMeta: `lang:${ctx.lang}` }),
  ]);
}

function authorsSection(entry: CaseEntry, ctx: SiteContext): Element {
  const { t, lang } = ctx;
  const version = viewCase(entry, lang).version;
  const person = (p: { name: string; affiliation?: string | undefined; orcid?: string | undefined }) =>
    h("li", [p.name, p.affiliation ? `, ${p.affiliation}` : "", p.orcid ? [" ", h("a", { href: `https://orcid.org/${p.orcid}` }, `ORCID ${p.orcid}`)] : ""]);
  return h("footer.case-credits", { lang, dataPagefindIgnore: "" }, [
    h("h2", t("case.authors")),
    h("ul", entry.data.authors.map(person)),
    version.translators.length ? h("p", [`${t("case.translators")}: `, version.translators.map((p) => p.name).join(", ")]) : null,
    h("p", [`${t("case.published")}: `, h("time", { dateTime: version.published }, version.published), version.updated ? [` · ${t("case.updated")}: `, h("time", { dateTime: version.updated }, version.updated)] : ""]),
    h("p", `${t("case.license")}: ${entry.data.license}`),
    entry.data.sources?.length
      ? h("section", [h("h3", t("case.sources")), h("ul", entry.data.sources.map((s) => h("li", s.url ? h("a", { href: s.url }, s.title) : s.title)))])
      : null,
  ]);
}

function citeSection(entry: CaseEntry, ctx: SiteContext): Element {
  const { t, lang, book } = ctx;
  const view = viewCase(entry, lang);
  return h("section.case-cite", { ariaLabelledby: "case-cite-title" }, [
    h("h2#case-cite-title", t("case.cite")),
    h(
      "p.reference",
      caseReferenceParts(view, book, lang).map((part) => {
        const text = part.href ? h("a", { href: part.href }, part.text) : { type: "text" as const, value: part.text };
        return part.italic ? h("i", [text]) : text;
      }),
    ),
    h("details", [h("summary", "BibTeX"), h("pre", [h("code", caseBibtex(view, book))])]),
    h("details", [h("summary", "CSL-JSON"), h("pre", [h("code", JSON.stringify(caseCslJson(view, book), null, 2))])]),
  ]);
}

