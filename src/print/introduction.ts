import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ElementContent } from "hast";
import { h } from "hastscript";
import type { Language } from "../../schema/languages.js";
import { renderMarkdown } from "../markdown/render-markdown.js";
import { adaptBody, type BodyRefs } from "./adapt-body.js";
import { anchors, HTML_LANG, type PrintContext } from "./print-context.js";
import { versoFiller } from "./verso-filler.js";

/** The book's front matter, written in Markdown beside the cases: `book/intro.<lang>.md`. */
export type BookIntros = Partial<Record<Language, string>>;

/** Reads `book/intro.<lang>.md` for every language that has one (the driver calls this). */
export function readBookIntros(projectDir: string): BookIntros {
  const intros: BookIntros = {};
  for (const lang of ["en", "zh", "fr", "ru"] as const) {
    const file = join(projectDir, "book", `intro.${lang}.md`);
    if (existsSync(file)) intros[lang] = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  }
  return intros;
}

/** The introduction in the reader's language, else in the default language, else in English. */
export function pickIntro(intros: BookIntros, lang: Language, fallback: Language): PrintContext["intro"] {
  for (const l of [lang, fallback, "en"] as const) {
    const markdown = intros[l];
    if (markdown !== undefined) return { lang: l, markdown };
  }
  return undefined;
}

/** Files the introduction refers to (`images/map.svg`) are served from the `book/` folder. */
export const bookMediaUrl = (file: string) => `/book/${file}`;

/** The introduction, titled "Introduction" in the reader's language; its own headings are its sections. */
export function introduction(ctx: PrintContext, refs: BodyRefs): ElementContent[] {
  if (!ctx.intro) return [];
  const rendered = renderMarkdown(ctx.intro.markdown, {
    lang: ctx.intro.lang,
    caseId: anchors.intro,
    resolveCaseLink: (id) => (ctx.book.byId.has(id) ? { href: `#${anchors.case(id)}` } : undefined),
    resolveAsset: bookMediaUrl,
  });
  const body = adaptBody(rendered.hast, anchors.intro, ctx, refs);
  return [
    versoFiller(anchors.intro),
    h("section.chapter.introduction", { id: anchors.intro, lang: ctx.intro.lang !== ctx.lang ? HTML_LANG[ctx.intro.lang] : undefined, style: `page: ${anchors.intro}` }, [
      h("h1", introTitle(ctx)),
      ...body,
    ]),
  ];
}

/** The title of the introduction in the contents and on its page. */
export function introTitle(ctx: PrintContext): string {
  return ctx.t("print.introduction");
}
