import type { Element, ElementContent } from "hast";
import { h } from "hastscript";
import type { Language } from "../../schema/languages.js";
import { viewCase } from "../link/case-view.js";
import type { CaseEntry } from "../link/casebook-model.js";
import { renderMarkdown } from "../markdown/render-markdown.js";
import { caseReferenceParts } from "../site/cite/citation.js";
import { adaptBody, type BodyRefs } from "./adapt-body.js";
import { caseFactsBox } from "./case-facts-box.js";
import { anchors, HTML_LANG, type PrintContext } from "./print-context.js";
import { versoFiller } from "./verso-filler.js";

/** Where the book keeps the files of a case (served to Chromium by `print-server.ts`). */
export const caseMediaUrl = (id: string, file: string) => `/media/${id}/${file}`;

/**
 * A case as a chapter: it opens on a right-hand page (named page `case-<number>`, whose running
 * head carries its title) with its number, title, summary, metadata box and outcomes, then the
 * body, then its authors, licence, sources and how to cite it.
 */
export function caseChapter(entry: CaseEntry, ctx: PrintContext, refs: BodyRefs): ElementContent[] {
  const { t, lang } = ctx;
  const view = viewCase(entry, lang);
  const { version } = view;
  const contentLang = version.lang !== lang ? HTML_LANG[version.lang] : undefined;
  const rendered = renderMarkdown(version.markdown, {
    lang: version.lang,
    caseId: entry.id,
    resolveCaseLink: (id) => (ctx.book.byId.has(id) ? { href: `#${anchors.case(id)}` } : undefined),
    resolveAsset: (file) => caseMediaUrl(entry.id, file),
  });
  const body = adaptBody(rendered.hast, anchors.case(entry.id), ctx, refs);
  const langName = (l: Language) => new Intl.DisplayNames([lang], { type: "language" }).of(l) ?? l;
  const chapter = h("section.chapter.case", { id: anchors.case(entry.id), dataCase: entry.id, style: `page: ${casePageName(entry)}` }, [
    h("header.case-opener", [
      h("h2.case-heading", { lang: contentLang, dataOutline: `${t("case.number", { number: entry.number })} · ${version.title}` }, [h("span.case-number", { lang: HTML_LANG[lang] }, t("case.number", { number: entry.number })), " ", h("span.case-title", version.title)]),
      view.fallback ? h("p.case-note", t("case.fallback")) : null,
      version.isTranslation ? h("p.case-note", t("case.translationOf", { language: langName(entry.originalLang) })) : null,
      version.isTranslation && version.stale ? h("p.case-note.case-stale", t("case.stale")) : null,
      h("p.case-summary", { lang: contentLang }, version.summary),
    ]),
    caseFactsBox(entry, ctx),
    h("div.case-body", { lang: contentLang }, body),
    credits(entry, ctx),
  ]);
  return [versoFiller(anchors.case(entry.id)), chapter];
}

/** The named page of a case: its running head is the case's number and title. */
export function casePageName(entry: CaseEntry): string {
  return `case-${entry.number}`;
}

function credits(entry: CaseEntry, ctx: PrintContext): Element {
  const { t, lang, book } = ctx;
  const view = viewCase(entry, lang);
  const { version } = view;
  const d = entry.data;
  const person = (p: { name: string; affiliation?: string | undefined; orcid?: string | undefined }) =>
    h("li", [p.name, p.affiliation ? `, ${p.affiliation}` : "", p.orcid ? [" · ", h("a", { href: `https://orcid.org/${p.orcid}` }, `ORCID ${p.orcid}`)] : ""]);
  const cite = caseReferenceParts(view, book, lang).map((part) => {
    const text: ElementContent = part.href ? h("a", { href: part.href }, part.text) : { type: "text", value: part.text };
    return part.italic ? h("i", [text]) : text;
  });
  return h("footer.case-credits", { lang: HTML_LANG[lang] }, [
    h("p.credits-title", t("case.authors")),
    h("ul.credits-people", d.authors.map(person)),
    version.translators.length ? h("p", [`${t("case.translators")}: `, version.translators.map((p) => p.name).join(", ")]) : null,
    h("p", [
      `${t("case.published")}: ${version.published}`,
      version.updated ? ` · ${t("case.updated")}: ${version.updated}` : "",
      ` · ${t("case.license")}: ${d.license}`,
    ]),
    d.sources?.length
      ? h("div.credits-sources", [
          h("p.credits-title", t("case.sources")),
          h("ul", { lang: HTML_LANG[entry.originalLang] }, d.sources.map((s) => h("li", [s.url ? h("a", { href: s.url }, s.title) : s.title, s.publisher ? `, ${s.publisher}` : "", s.year ? ` (${s.year})` : ""]))),
        ])
      : null,
    h("p.credits-title", t("case.cite")),
    h("p.credits-cite", cite),
  ]);
}
