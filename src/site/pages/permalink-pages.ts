import type { Root } from "hast";
import { h } from "hastscript";
import type { CasebookConfig } from "../../../schema/config.js";
import type { Language } from "../../../schema/languages.js";
import { viewCase } from "../../link/case-view.js";
import { localize } from "../../link/localize.js";
import { sameInEveryLanguage, type Page, type SiteContext } from "../page.js";
import { absoluteUrl, paths } from "../urls.js";

const HTML_LANG = { en: "en", zh: "zh-CN", fr: "fr", ru: "ru" } as const;

/**
 * The page at a renamed case's old URL: a redirect that works without scripts (meta refresh), a
 * canonical link to the new page for search engines, `noindex`, and a visible link for everyone.
 */
export function redirectPage(from: string, to: string, ctx: SiteContext): { path: string; document: Root } {
  const { book, lang, t } = ctx;
  const target = paths.case(lang, to);
  const entry = book.byId.get(to);
  const title = entry ? viewCase(entry, lang).version.title : to;
  const document: Root = {
    type: "root",
    children: [
      { type: "doctype" },
      h("html", { lang: HTML_LANG[lang], dir: "ltr" }, [
        h("head", [
          h("meta", { charSet: "utf-8" }),
          h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
          h("title", `${t("redirect.title")} · ${localize(book.config.title, lang)}`),
          h("meta", { name: "robots", content: "noindex" }),
          h("link", { rel: "canonical", href: absoluteUrl(book.config.baseUrl, target) }),
          h("meta", { httpEquiv: "refresh", content: `0; url=${target}` }),
          h("link", { rel: "icon", href: paths.asset("favicon.svg"), type: "image/svg+xml" }),
          h("link", { rel: "stylesheet", href: paths.asset("web.css") }),
        ]),
        h("body", [
          h("main#main.redirect", [h("h1", t("redirect.title")), h("p", [t("redirect.body", { id: from }), " ", h("a", { href: target, rel: "canonical" }, title), "."])]),
        ]),
      ]),
    ],
  };
  return { path: paths.case(lang, from), document };
}

/** The page at a withdrawn case's URL: it says the case was withdrawn and why. Not indexed. */
export function withdrawnPage(entry: CasebookConfig["withdrawn"][number], ctx: SiteContext): Page {
  const { t, lang, book } = ctx;
  const reason = localize(entry.reason, lang as Language);
  return {
    path: paths.case(lang, entry.id),
    lang,
    title: t("withdrawn.title"),
    alternates: sameInEveryLanguage(book, (l) => paths.case(l, entry.id)),
    noindex: true,
    main: [
      h("article.withdrawn", [
        h("h1", t("withdrawn.title")),
        h("p", t("withdrawn.body", { id: entry.id })),
        h("p.withdrawn-reason", [h("strong", `${t("withdrawn.reason")} `), reason]),
        h("p", [h("a", { href: paths.browse(lang) }, t("browse.title"))]),
      ]),
    ],
  };
}
