import type { Language } from "../../../schema/languages.js";
import type { Casebook } from "../../link/casebook-model.js";
import { absoluteUrl, paths } from "../urls.js";
import { xmlElement } from "./xml-text.js";

/** A page of the site for the sitemap. Paths are site paths (`/en/cases/<id>/`), resolved against the base URL. */
export interface SitemapPage {
  path: string;
  /** The same page in each language, this one included (Google expects every version to list all of them). */
  alternates?: Partial<Record<Language, string>>;
  /** W3C date (`YYYY-MM-DD`) or date-time of the page's last significant change. */
  lastmod?: string;
}

/** Where the sitemap and the search index live on the site. */
export const SITEMAP_PATH = "/sitemap.xml";
const PAGEFIND_PATH = "/pagefind/";

/** The sitemap protocol allows 50,000 URLs per file; a casebook stays far below (4 languages × cases). */
export const SITEMAP_URL_LIMIT = 50_000;

/**
 * `/sitemap.xml`: one `<url>` per page, with `xhtml:link rel="alternate" hreflang` for its language
 * versions and an `x-default` pointing at the default language's version when it is among them.
 */
export function sitemapXml(book: Casebook, pages: readonly SitemapPage[]): string {
  if (pages.length > SITEMAP_URL_LIMIT) throw new RangeError(`A sitemap holds at most ${SITEMAP_URL_LIMIT} URLs (got ${pages.length}).`);
  const base = book.config.baseUrl;
  const urls = pages.map((page) => {
    const lines = [xmlElement("loc", {}, absoluteUrl(base, page.path))];
    if (page.lastmod) lines.push(xmlElement("lastmod", {}, page.lastmod));
    const alternates = Object.entries(page.alternates ?? {}).filter((e): e is [string, string] => e[1] !== undefined);
    for (const [hreflang, path] of alternates) lines.push(xmlElement("xhtml:link", { rel: "alternate", hreflang, href: absoluteUrl(base, path) }));
    const fallback = page.alternates?.[book.config.defaultLanguage];
    if (fallback && alternates.length > 1) lines.push(xmlElement("xhtml:link", { rel: "alternate", hreflang: "x-default", href: absoluteUrl(base, fallback) }));
    return ["  <url>", ...lines.map((line) => `    ${line}`), "  </url>"].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}

/**
 * The case pages of every site language, for `sitemapXml`: each lists all its language versions;
 * `lastmod` is the shown version's `updated ?? published` (a language without a translation shows
 * the original, so its page changes with the original).
 */
export function caseSitemapPages(book: Casebook): SitemapPage[] {
  return book.cases.flatMap((entry) => {
    const alternates = Object.fromEntries(book.languages.map((l) => [l, paths.case(l, entry.id)]));
    return book.languages.map((lang) => {
      const version = entry.versions.get(lang) ?? entry.versions.get(entry.originalLang);
      const lastmod = version?.updated ?? version?.published;
      return { path: paths.case(lang, entry.id), alternates, ...(lastmod ? { lastmod } : {}) };
    });
  });
}

/**
 * `/robots.txt`: everything may be crawled except the search index's fragments, and the sitemap is
 * announced by absolute URL. Crawlers read robots.txt only at the root of a host: when the base URL
 * has a path, the host's own robots.txt must carry the `Sitemap:` line instead.
 */
export function robotsTxt(baseUrl: string): string {
  const pagefind = new URL(absoluteUrl(baseUrl, PAGEFIND_PATH)).pathname;
  return ["User-agent: *", `Disallow: ${pagefind}`, "", `Sitemap: ${absoluteUrl(baseUrl, SITEMAP_PATH)}`, ""].join("\n");
}
