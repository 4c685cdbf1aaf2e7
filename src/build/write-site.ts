import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { caseJsonSchema } from "../../schema/json-schema.js";
import type { Casebook } from "../link/casebook-model.js";
import { buildSearchIndex } from "../search/search-index.js";
import { casesCsv } from "../site/data/cases-csv.js";
import { casesJsonText } from "../site/data/cases-json.js";
import { atomFeed } from "../site/feeds/atom-feed.js";
import { robotsTxt, sitemapXml } from "../site/feeds/sitemap.js";
import { fontFaces } from "../site/font-faces.js";
import { renderLanguage, renderShared, type RenderedPage, type SiteOptions } from "../site/render-site.js";
import { loadThemeStrings } from "../site/theme-strings.js";
import { fileForPath, paths } from "../site/urls.js";

export interface SiteBuild {
  pages: number;
  searchFiles: number;
}

const SCRIPTS = ["theme.js", "facets.js", "search.js"];

/** Renders the website into `siteDir`: pages, assets, media, open data, feeds and the search index. */
export async function writeSite(book: Casebook, siteDir: string, options: { themeDir: string; buildDate: string; withPdf: boolean }): Promise<SiteBuild> {
  const write = (file: string, content: string | Uint8Array) => {
    const target = join(siteDir, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  };
  const siteOptions: SiteOptions = { strings: loadThemeStrings(options.themeDir), buildDate: options.buildDate, withPdf: options.withPdf };
  const pages: RenderedPage[] = [...renderShared(book, siteOptions), ...book.languages.flatMap((lang) => renderLanguage(book, lang, siteOptions))];
  for (const page of pages) write(page.file, page.html);

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
  const listed = pages.filter((p) => p.path !== paths.notFound());
  write("sitemap.xml", sitemapXml(book, listed.map((p) => ({ path: p.path, alternates: p.alternates }))));
  write("robots.txt", robotsTxt(book.config.baseUrl));

  const search = await buildSearchIndex(pages.filter((p) => p.searchable));
  for (const file of search) write(join("pagefind", file.path), file.content);
  return { pages: pages.length, searchFiles: search.length };
}
