import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { caseJsonSchema } from "../../schema/json-schema.js";
import type { Casebook } from "../link/casebook-model.js";
import { SearchIndexer } from "../search/search-index.js";
import { casesCsv } from "../site/data/cases-csv.js";
import { casesJsonText } from "../site/data/cases-json.js";
import { atomFeed } from "../site/feeds/atom-feed.js";
import { robotsTxt, sitemapXml, type SitemapPage } from "../site/feeds/sitemap.js";
import { relatedIndex } from "../site/components/related-cases.js";
import { fontFaces } from "../site/font-faces.js";
import { renderCasePages, renderListings, renderShared, type RenderedPage, type SiteOptions } from "../site/render-site.js";
import { loadThemeStrings } from "../site/theme-strings.js";
import { fileForPath, paths } from "../site/urls.js";

export interface SiteBuild {
  pages: number;
  searchFiles: number;
}

const SCRIPTS = ["theme.js", "facets.js", "search.js"];

/** Renders the website into `siteDir`: pages, assets, media, open data, feeds and the search index. */
export async function writeSite(book: Casebook, siteDir: string, options: { themeDir: string; buildDate: string; withPdf: boolean }): Promise<SiteBuild> {
  const made = new Set<string>();
  const write = (file: string, content: string | Uint8Array) => {
    const target = join(siteDir, file);
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(target, content);
  };
  const siteOptions: SiteOptions = {
    strings: loadThemeStrings(options.themeDir),
    buildDate: options.buildDate,
    withPdf: options.withPdf,
    related: relatedIndex(book.cases),
  };
  // Pages are written as they are rendered, one case at a time, and fed to the search index at
  // once, so memory stays flat and indexing overlaps rendering.
  const search = new SearchIndexer();
  const listed: SitemapPage[] = [];
  let count = 0;
  const emit = async (page: RenderedPage) => {
    write(page.file, page.html);
    count++;
    if (page.path !== paths.notFound()) listed.push({ path: page.path, alternates: page.alternates });
    if (page.searchable) await search.add(page.path, page.html);
  };
  try {
    for (const page of renderShared(book, siteOptions)) await emit(page);
    for (const lang of book.languages) for (const page of renderListings(book, lang, siteOptions)) await emit(page);
    for (const entry of book.cases) for (const page of renderCasePages(book, entry, siteOptions)) await emit(page);
  } catch (error) {
    await search.abort();
    throw error;
  }

  // Theme: fonts from @fontsource, the stylesheet, and the few scripts (search, facets, theme toggle).
  const fonts = fontFaces(options.themeDir, paths.asset("fonts").replace(/\/$/, ""));
  for (const [name, source] of fonts.files) {
    mkdirSync(join(siteDir, "assets", "fonts"), { recursive: true });
    copyFileSync(source, join(siteDir, "assets", "fonts", name));
  }
  write(fileForPath(paths.asset("web.css")), `${fonts.css}\n${readFileSync(join(options.themeDir, "web.css"), "utf8")}`);
  write(fileForPath(paths.asset("favicon.svg")), readFileSync(join(options.themeDir, "favicon.svg")));
  for (const script of SCRIPTS) write(fileForPath(paths.asset(script)), readFileSync(join(options.themeDir, "scripts", script)));

  // Case media: each case's asset files, once for all languages.
  for (const entry of book.cases)
    for (const [file, kind] of entry.assets)
      if (kind === "file") {
        const target = join(siteDir, fileForPath(paths.caseAsset(entry.id, file)));
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(join(entry.folder, file), target);
      }

  // Open data, feeds, sitemap.
  write(fileForPath(paths.data("cases.json")), casesJsonText(book, { buildDate: options.buildDate }));
  write(fileForPath(paths.data("cases.csv")), casesCsv(book));
  write(fileForPath(paths.schema()), `${JSON.stringify(caseJsonSchema(book.vocabularies), null, 2)}\n`);
  for (const lang of book.languages) write(fileForPath(paths.feed(lang)), atomFeed(book, lang, { buildDate: options.buildDate }));
  write("sitemap.xml", sitemapXml(book, listed));
  write("robots.txt", robotsTxt(book.config.baseUrl));

  const index = await search.files();
  for (const file of index) write(join("pagefind", file.path), file.content);
  return { pages: count, searchFiles: index.length };
}
