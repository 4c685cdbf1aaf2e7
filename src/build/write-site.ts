import { readFileSync } from "node:fs";
import { join } from "node:path";
import { caseJsonSchema } from "../../schema/json-schema.js";
import type { BuildInputs } from "../cache/build-inputs.js";
import { casePageKeys, casePageOptions } from "../cache/case-page-key.js";
import { listingKeys, siteDataKey } from "../cache/listings-key.js";
import type { CachedPage, PageCache } from "../cache/page-cache.js";
import type { RelatedCache } from "../cache/related-cache.js";
import type { CaseEntry, Casebook } from "../link/casebook-model.js";
import { viewCase } from "../link/case-view.js";
import { writeIndexRecord } from "../search/index-record.js";
import { SearchIndexer } from "../search/search-index.js";
import { copyCaseMedia, readSiteFile, siteWriter, type SiteFiles } from "./site-writer.js";
import { RenderPool, renderThreads } from "./render-pool.js";
import { casesCsv } from "../site/data/cases-csv.js";
import { casesJsonText } from "../site/data/cases-json.js";
import { atomFeed } from "../site/feeds/atom-feed.js";
import { robotsTxt, sitemapXml, type SitemapPage } from "../site/feeds/sitemap.js";
import { relatedIndex } from "../site/components/related-cases.js";
import { fontFaces } from "../site/font-faces.js";
import type { EditionStamp } from "../release/edition-model.js";
import { renderCasePages, renderListings, renderPermalinks, renderShared, type RenderedPage, type SiteOptions } from "../site/render-site.js";
import { loadThemeStrings, type ThemeStrings } from "../site/theme-strings.js";
import { fileForPath, paths } from "../site/urls.js";

export interface SiteBuild {
  pages: number;
  searchFiles: number;
  /** The pages the search index holds, in the order they were indexed (or are to be). */
  searchPages: { path: string; file: string }[];
  /** The pages the sitemap lists. */
  listed: SitemapPage[];
  /** When the search index was left to a background job: the pages it must index, in order. */
  deferredSearch?: { path: string; file: string }[];
  /** The related cases of each case, as the case pages show them, and the theme's strings. */
  related: ReadonlyMap<string, readonly CaseEntry[]>;
  strings: ThemeStrings;
}

const SCRIPTS = ["theme.js", "facets.js", "search.js"];

export interface WriteSiteOptions {
  themeDir: string;
  buildDate: string;
  withPdf: boolean;
  edition?: EditionStamp | undefined;
  /** Case pages (and the choice of related cases) are taken from here when their key is unchanged, and kept here when made. */
  cache?: { pages: PageCache; inputs: BuildInputs; related: RelatedCache };
  /**
   * The previous build's search index. When nearly every case page comes from the cache, the site
   * carries this index and the new one is left to a background job (see `SiteBuild.deferredSearch`).
   */
  previousSearchIndex?: string | undefined;
  /** Threads that render case pages (default: one per CPU; 1 renders in this thread). */
  threads?: number | undefined;
  /**
   * Rendering threads the build started before it loaded the cases: used when they are as many as
   * this site needs, stopped otherwise (always stopped when the site is written).
   */
  pool?: RenderPool | undefined;
  /** Where to record what the search index was made from (see index-record.ts), when it is made here. */
  searchRecord?: string;
  /** False: no search index is made (the live preview makes it in the background, from `searchPages`). */
  search?: boolean;
  /** Where the files go (default: every file into `siteDir`); see site-writer.ts. */
  files?: SiteFiles;
}

/**
 * Up to this many case pages rendered anew (or this share of them, and always fewer than half), the
 * search index may follow in the background.
 */
const DEFER_SEARCH = { cases: 16, share: 0.05 };

/** Renders the website into `siteDir`: pages, assets, media, open data, feeds and the search index. */
export async function writeSite(book: Casebook, siteDir: string, options: WriteSiteOptions): Promise<SiteBuild> {
  const files = options.files ?? siteWriter(siteDir);
  const write = files.write;
  const siteOptions: SiteOptions = {
    strings: loadThemeStrings(options.themeDir),
    buildDate: options.buildDate,
    withPdf: options.withPdf,
    related: options.cache ? options.cache.related.index(book.cases) : relatedIndex(book.cases),
    edition: options.edition,
  };
  const cache = options.cache;
  const pageOptions = casePageOptions(options);
  const keyOf = cache ? casePageKeys(book, siteOptions.related, cache.inputs, pageOptions) : undefined;
  const listingKey = cache ? listingKeys(book, cache.inputs, pageOptions) : undefined;
  const keys = new Map(keyOf ? book.cases.map((entry) => [entry.id, keyOf(entry)]) : []);
  const fresh = [...keys.values()].filter((key) => !cache!.pages.has(key)).length;
  const defer = options.previousSearchIndex !== undefined && keys.size > 0 && fresh < keys.size / 2 && fresh <= Math.max(DEFER_SEARCH.cases, keys.size * DEFER_SEARCH.share);
  // Pages are written as they are rendered, one case at a time, and fed to the search index at
  // once, so memory stays flat and indexing overlaps rendering.
  // A case page is searchable unless it shows the original in its stead (see case-page.ts).
  const searchable = book.cases.reduce((n, entry) => n + book.languages.filter((lang) => !viewCase(entry, lang).fallback).length, 0);
  const search = defer || options.search === false ? undefined : new SearchIndexer(searchable);
  const searchPages: { path: string; file: string }[] = [];
  // The sitemap lists the shared pages, the listings, the case pages and the permalinks, in this
  // order, whatever order they are made in.
  const listed = { shared: [] as SitemapPage[], listings: [] as SitemapPage[], cases: [] as SitemapPage[], permalinks: [] as SitemapPage[] };
  let into = listed.shared;
  let sitemapPages: SitemapPage[] = [];
  let count = 0;
  const emit = async (page: Omit<RenderedPage, "html">, html: () => string, writeFile = true) => {
    if (writeFile) write(page.file, html());
    count++;
    if (page.path !== paths.notFound() && !page.unlisted) into.push({ path: page.path, alternates: page.alternates });
    if (page.searchable) {
      searchPages.push({ path: page.path, file: page.file });
      if (search) await search.add(page.path, html());
    }
  };
  // Places cached pages into the output. A build running at the same moment may replace or prune
  // the entry between lookup and placing: then nothing of it stays here and the pages are rendered.
  const placeCached = (cached: readonly CachedPage[]): boolean => {
    const placed: string[] = [];
    try {
      for (const page of cached) {
        files.place(page.source, page.file, page);
        placed.push(page.file);
      }
      return true;
    } catch {
      for (const file of placed) files.drop(file);
      return false;
    }
  };
  // Pages under a cache key come from the cache when it has them; otherwise they are rendered and kept.
  const produce = async (key: string | undefined, render: () => RenderedPage[]) => {
    const cached = key ? cache!.pages.lookup(key, files.holdsLink) : undefined;
    if (cached && placeCached(cached)) return emitCached(cached);
    const pages = render();
    for (const page of pages) await emit(page, () => page.html);
    if (key) cache!.pages.save(key, pages, (page) => files.pathOf(page.file));
  };
  const emitCached = async (cached: readonly CachedPage[]) => {
    // Read back from this output's own link: the cache entry may be replaced meanwhile.
    for (const page of cached) await emit(page, () => readSiteFile(files, page.file), false);
  };
  // The case pages: from the cache, or rendered — by worker threads when there are enough of them,
  // which write the pages themselves. Either way they are taken in the casebook's order, so the
  // search index and the sitemap are the same whatever thread finished first.
  const cases = book.cases.map((entry) => {
    const key = keys.get(entry.id);
    const cached = key ? cache!.pages.lookup(key, files.holdsLink) : undefined;
    return { entry, key, cached: cached && placeCached(cached) ? cached : undefined };
  });
  const toRender = cases.filter((c) => !c.cached);
  const threads = renderThreads(toRender.length, options.threads);
  let pool = options.pool?.threads === threads ? options.pool : undefined;
  try {
    if (options.pool && !pool) await options.pool.close();
    if (threads > 1) {
      pool ??= new RenderPool(threads);
      pool.start(book, siteOptions, files.dir);
    }
    const tickets = new Map(pool ? toRender.map(({ entry }) => [entry.id, pool!.render(entry)]) : []);
    for (const page of renderShared(book, siteOptions)) await emit(page, () => page.html);
    into = listed.cases;
    for (const { entry, key, cached } of cases) {
      if (cached) {
        await emitCached(cached);
        continue;
      }
      const ticket = tickets.get(entry.id);
      const pages = ticket ? await ticket() : renderCasePages(book, entry, siteOptions);
      for (const page of pages) await emit(page, () => page.html!, !ticket);
      if (key) cache!.pages.save(key, pages, (page) => files.pathOf(page.file));
    }
  } catch (error) {
    await search?.abort();
    throw error;
  } finally {
    await pool?.close();
  }

  // Only case pages are searchable: Pagefind writes its index from its own process (the longest
  // step of a cold build) while this thread makes the rest of the site.
  const indexFolder = join(files.dir, "pagefind");
  const searchIndex = search
    ? (await search.startWriting(indexFolder)).written.then((written) => {
        if (options.searchRecord) writeIndexRecord(options.searchRecord, indexFolder, search.shardPages());
        return written;
      })
    : undefined;
  try {
    into = listed.listings;
    for (const lang of book.languages) await produce(listingKey?.(lang), () => renderListings(book, lang, siteOptions));
    into = listed.permalinks;
    for (const page of renderPermalinks(book, siteOptions)) await emit(page, () => page.html);
    sitemapPages = [...listed.shared, ...listed.listings, ...listed.cases, ...listed.permalinks];

    // Theme: fonts from @fontsource, the stylesheet, and the few scripts (search, facets, theme toggle).
    const fonts = fontFaces(options.themeDir, paths.asset("fonts").replace(/\/$/, ""));
    for (const [name, source] of fonts.files) files.copy(source, fileForPath(paths.asset(`fonts/${name}`)));
    write(fileForPath(paths.asset("web.css")), `${fonts.css}\n${readFileSync(join(options.themeDir, "web.css"), "utf8")}`);
    write(fileForPath(paths.asset("favicon.svg")), readFileSync(join(options.themeDir, "favicon.svg")));
    for (const script of SCRIPTS) write(fileForPath(paths.asset(script)), readFileSync(join(options.themeDir, "scripts", script)));

    for (const entry of book.cases) copyCaseMedia(entry, files);
    // The open data, feeds and sitemap (tens of megabytes at 4,000 cases) change with what the
    // listings show, not with a body: a body edit takes them from the cache (see siteDataKey).
    const dataKey = listingKey ? siteDataKey(listingKey, book.languages) : undefined;
    const cachedData = dataKey ? cache!.pages.lookup(dataKey, files.holdsLink) : undefined;
    if (!cachedData || !placeCached(cachedData)) {
      const written = writeSiteData(book, write, options.buildDate, sitemapPages);
      const lang = book.config.defaultLanguage;
      if (dataKey) cache!.pages.save(dataKey, written.map((file) => ({ path: `/${file}`, file, lang, searchable: false, alternates: {} })), (page) => files.pathOf(page.file));
    }
  } catch (error) {
    await searchIndex?.catch(() => undefined);
    throw error;
  }

  const made = { pages: count, searchPages, listed: sitemapPages, related: siteOptions.related, strings: siteOptions.strings };
  if (searchIndex) return { ...made, searchFiles: await searchIndex };
  if (!defer) return { ...made, searchFiles: 0 };
  return { ...made, searchFiles: files.carryFolder(options.previousSearchIndex!, "pagefind"), deferredSearch: searchPages };
}

/** Open data, feeds and the sitemap: what the site says of every case, outside its pages. Returns the files written. */
export function writeSiteData(book: Casebook, write: (file: string, content: string) => void, buildDate: string, listed: readonly SitemapPage[]): string[] {
  const files: [string, () => string][] = [
    [fileForPath(paths.data("cases.json")), () => casesJsonText(book, { buildDate })],
    [fileForPath(paths.data("cases.csv")), () => casesCsv(book)],
    [fileForPath(paths.schema()), () => `${JSON.stringify(caseJsonSchema(book.vocabularies), null, 2)}\n`],
    ...book.languages.map((lang): [string, () => string] => [fileForPath(paths.feed(lang)), () => atomFeed(book, lang, { buildDate })]),
    ["sitemap.xml", () => sitemapXml(book, listed)],
    ["robots.txt", () => robotsTxt(book.config.baseUrl)],
  ];
  for (const [file, content] of files) write(file, content());
  return files.map(([file]) => file);
}
