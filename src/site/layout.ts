import type { Element, ElementContent, Root } from "hast";
import { h } from "hastscript";
import { LANGUAGES } from "../../schema/languages.js";
import { localize } from "../link/localize.js";
import type { Page, SiteContext } from "./page.js";
import { editionBanner } from "./components/edition-banner.js";
import { translator } from "./theme-strings.js";
import { absoluteUrl, paths } from "./urls.js";

/** The document around a page: head, site chrome (ignored by search) and footer. */
export function layout(page: Page, ctx: SiteContext): Root {
  const { book, t, lang } = ctx;
  const siteTitle = localize(book.config.title, lang);
  const title = page.title === siteTitle ? siteTitle : `${page.title} · ${siteTitle}`;
  const canonical = absoluteUrl(book.config.baseUrl, page.path);
  const head: ElementContent[] = [
    h("meta", { charSet: "utf-8" }),
    h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
    h("title", title),
    ...(page.noindex ? [h("meta", { name: "robots", content: "noindex" })] : []),
    h("meta", { name: "description", content: page.description ?? localize(book.config.subtitle, lang) }),
    h("meta", { name: "color-scheme", content: "light dark" }),
    h("link", { rel: "canonical", href: canonical }),
    ...Object.entries(page.alternates).map(([l, p]) => h("link", { rel: "alternate", hrefLang: l, href: absoluteUrl(book.config.baseUrl, p) })),
    h("link", { rel: "alternate", type: "application/atom+xml", href: paths.feed(lang), title: t("footer.feed") }),
    h("meta", { property: "og:title", content: page.title }),
    h("meta", { property: "og:type", content: page.ogType ?? "website" }),
    h("meta", { property: "og:url", content: canonical }),
    h("meta", { property: "og:site_name", content: siteTitle }),
    h("meta", { property: "og:locale", content: OG_LOCALE[lang] }),
    ...(page.description ? [h("meta", { property: "og:description", content: page.description })] : []),
    h("link", { rel: "icon", href: paths.asset("favicon.svg"), type: "image/svg+xml" }),
    h("link", { rel: "stylesheet", href: paths.asset("web.css") }),
    h("script", { src: paths.asset("theme.js") }),
    ...(page.jsonLd ? [h("script", { type: "application/ld+json" }, page.jsonLd)] : []),
    ...(page.scripts ?? []).map((name) => h("script", { type: "module", src: paths.asset(name) })),
  ];
  const body = h("body", { className: page.bodyClass ? [page.bodyClass] : undefined }, [
    h("a.skip-link", { href: "#main" }, t("skip")),
    editionBanner(ctx),
    header(page, ctx, siteTitle),
    h("main#main", { tabIndex: -1 }, page.main.filter((x): x is ElementContent => x !== null)),
    footer(ctx),
  ]);
  return { type: "root", children: [{ type: "doctype" }, h("html", { lang: HTML_LANG[lang], dir: "ltr" }, [h("head", head), body])] };
}

const HTML_LANG = { en: "en", zh: "zh-CN", fr: "fr", ru: "ru" } as const;
const OG_LOCALE = { en: "en_GB", zh: "zh_CN", fr: "fr_FR", ru: "ru_RU" } as const;

function header(page: Page, ctx: SiteContext, siteTitle: string): Element {
  const { t, lang } = ctx;
  const nav: [string, string][] = [
    [paths.browse(lang), t("nav.browse")],
    [paths.search(lang), t("nav.search")],
    [paths.statistics(lang), t("nav.statistics")],
    [paths.about(lang), t("nav.about")],
  ];
  return h("header.site-header", { dataPagefindIgnore: "all" }, [
    h("a.site-title", { href: paths.home(lang) }, siteTitle),
    h("nav.site-nav", { ariaLabel: t("nav.main") }, [
      h("ul", nav.map(([href, label]) => h("li", [h("a", { href, ariaCurrent: page.path.startsWith(href) ? "page" : undefined }, label)]))),
    ]),
    languageSwitcher(page, ctx),
    h("button.theme-toggle", { type: "button", ariaPressed: "false", hidden: true }, t("theme.toggle")),
  ]);
}

function languageSwitcher(page: Page, ctx: SiteContext): Element {
  const items = LANGUAGES.filter((l) => ctx.book.languages.includes(l)).map((l) => {
    const name = translator(ctx.strings, l)("language.name");
    const href = page.alternates[l] ?? paths.home(l);
    return h("li", [
      l === ctx.lang
        ? h("a", { href, ariaCurrent: "true", lang: HTML_LANG[l], hrefLang: l }, name)
        : h("a", { href, lang: HTML_LANG[l], hrefLang: l }, name),
    ]);
  });
  return h("nav.language-switcher", { ariaLabel: ctx.t("language.label") }, [h("ul", items)]);
}

function footer(ctx: SiteContext): Element {
  const { t, book, lang } = ctx;
  return h("footer.site-footer", { dataPagefindIgnore: "all" }, [
    h("p", t("footer.illustrative")),
    h("p", [
      t("footer.license", { license: book.config.license }),
      " · ",
      h("a", { href: paths.data("cases.json") }, t("footer.data")),
      " (JSON, ",
      h("a", { href: paths.data("cases.csv") }, "CSV"),
      ") · ",
      h("a", { href: paths.feed(lang) }, t("footer.feed")),
    ]),
    h("p", `${localize(book.config.publisher, lang)} · ${t("home.edition", { edition: book.config.edition })}`),
  ]);
}
