import { viewCase } from "../link/case-view.js";
import type { CaseEntry } from "../link/casebook-model.js";
import { localize } from "../link/localize.js";
import { termLabel } from "../site/components/labels.js";
import type { PdfMetadata } from "./pdf/pdf-info.js";
import { HTML_LANG, type PrintContext } from "./print-context.js";

/** The book's PDF metadata: its title, publisher, subtitle, and the models and sectors it covers. */
export function bookMetadata(ctx: PrintContext): PdfMetadata {
  const { book, lang } = ctx;
  const used = (pick: (entry: CaseEntry) => readonly string[]) => new Set(book.cases.flatMap(pick));
  const models = book.vocabularies.modelTypes.filter((m) => used((e) => e.data.models).has(m.id)).map((m) => m.labels[lang]);
  const sectors = book.vocabularies.sectors.filter((s) => used((e) => e.data.sectors).has(s.id)).map((s) => s.labels[lang]);
  const title = localize(book.config.title, lang);
  return {
    title: `${title} (${ctx.t("home.edition", { edition: book.config.edition })})`,
    author: localize(book.config.publisher, lang),
    subject: localize(book.config.subtitle, lang) || title,
    keywords: [...models, ...sectors],
    language: HTML_LANG[lang],
    date: ctx.buildDate,
    identity: `casebook/${book.config.edition}/${lang}/${book.cases.map((c) => `${c.id}:${viewCase(c, lang).version.lang}`).join(",")}/${ctx.buildDate}`,
  };
}

/** A case's own PDF: its title, authors, summary, tags and terms, in the language it is written in. */
export function caseMetadata(entry: CaseEntry, ctx: PrintContext): PdfMetadata {
  const { book, lang } = ctx;
  const version = viewCase(entry, lang).version;
  const v = book.vocabularies;
  return {
    title: version.title,
    author: entry.data.authors.map((a) => a.name).join("; "),
    subject: version.summary,
    keywords: [...version.tags, ...entry.data.models.map((m) => termLabel(v, "modelTypes", m, lang)), ...entry.data.sectors.map((s) => termLabel(v, "sectors", s, lang))],
    language: HTML_LANG[version.lang],
    date: ctx.buildDate,
    identity: `casebook/${book.config.edition}/${lang}/${entry.id}/${version.lang}/${ctx.buildDate}`,
  };
}
