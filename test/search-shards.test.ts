/// <reference lib="dom" />
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, type LaunchedBrowser } from "../src/browser/launch-browser.js";
import { ROOT, runCli } from "./helpers/run-cli.js";
import { serveStatic, type StaticServer } from "./helpers/static-server.js";

// The sample casebook's 33 searchable pages, in shards of at most 3 pages per language and shard
// (CASEBOOK_SEARCH_SHARD_PAGES), against the sample build of the test run, whose index is whole.
const whole = join(inject("sampleOut"), "site");
const parent = mkdtempSync(join(tmpdir(), "casebook-shards-"));
const sharded = join(parent, "dist", "site");

interface Entry {
  languages: Record<string, { page_count: number }>;
}
const entryOf = (bundle: string) => JSON.parse(readFileSync(join(bundle, "pagefind-entry.json"), "utf8")) as Entry;
const shardList = (site: string) => JSON.parse(readFileSync(join(site, "pagefind", "shards.json"), "utf8")) as { shards: { path: string; languages: string[] }[] };

let browser: Browser;
let launched: LaunchedBrowser | undefined;
const servers: Record<string, StaticServer> = {};

beforeAll(async () => {
  const run = runCli(["build", "--no-pdf", "--no-cache", "--out", join(parent, "dist")], ROOT, { CASEBOOK_SEARCH_SHARD_PAGES: "3" });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  servers["whole"] = await serveStatic(whole);
  servers["sharded"] = await serveStatic(sharded);
  launched = await launchBrowser();
  browser = launched.browser;
}, 180_000);

afterAll(async () => {
  await launched?.close();
  for (const server of Object.values(servers)) await server.close();
  rmSync(parent, { recursive: true, force: true });
});

/** What the search page shows for `query` (a URL's search string): result paths, the count line and the facets' counts. */
async function searchPage(site: "whole" | "sharded", query: string): Promise<{ results: string[]; status: string; facets: string[]; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warn") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${(e as Error).message}`));
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()}`));
  await page.goto(`${servers[site]!.url}/en/search/?${query}`, { waitUntil: "load" });
  await page.waitForSelector("form.search-form[data-ready]");
  await page.waitForFunction(() => document.querySelector(".search-status")?.textContent !== "", { timeout: 15_000 });
  const results = await page.$$eval(".search-results a", (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const status = await page.$eval(".search-status", (s) => s.textContent ?? "");
  const facets = await page.$$eval(".search-filters label", (labels) => labels.map((l) => l.textContent?.trim() ?? ""));
  await page.close();
  return { results, status, facets, problems };
}

/** The start year of each case page's case, from the site's open data. */
function yearsOf(paths: string[]): number[] {
  const cases = (JSON.parse(readFileSync(join(whole, "data", "cases.json"), "utf8")) as { cases: { id: string; period: { start: number } }[] }).cases;
  const year = new Map(cases.map((c) => [c.id, c.period.start]));
  return paths.map((path) => year.get(path.split("/")[3]!)!);
}

describe("a search index written in shards", () => {
  it("is written whole for a casebook under the shard size", () => {
    expect(shardList(whole)).toEqual({ shards: [] });
  });

  it("deals every page to exactly one shard, and each shard keeps only its data", () => {
    const list = shardList(sharded);
    const bundles = [join(sharded, "pagefind"), ...list.shards.map((s) => join(sharded, "pagefind", s.path))];
    const pages = Object.values(entryOf(join(whole, "pagefind")).languages).reduce((n, l) => n + l.page_count, 0);
    expect(bundles.length).toBe(Math.ceil(pages / 3));
    // Per language, the shards' pages add up to the whole index's, and no shard holds more than its share.
    for (const [language, { page_count }] of Object.entries(entryOf(join(whole, "pagefind")).languages)) {
      const counts = bundles.map((b) => entryOf(b).languages[language]?.page_count ?? 0);
      expect(counts.reduce((a, b) => a + b, 0), language).toBe(page_count);
      expect(Math.max(...counts), language).toBe(Math.ceil(page_count / bundles.length));
    }
    for (const shard of list.shards) {
      const folder = join(sharded, "pagefind", shard.path);
      expect(shard.languages).toEqual(Object.keys(entryOf(folder).languages).sort());
      const kept = readdirSync(folder).filter((name) => !["index", "filter", "fragment", "pagefind-entry.json"].includes(name) && !name.endsWith(".pf_meta"));
      expect(kept, shard.path).toEqual([]);
      expect(existsSync(join(folder, "fragment"))).toBe(true);
    }
  });

  it("is searched as one index: the same results, count and facet counts as the whole index", async () => {
    for (const query of ["q=training", "q=Bangkok+bogie", "country=MN", "q=welding&all=1", "q=college&sector=agriculture-food"]) {
      const [a, b] = [await searchPage("whole", query), await searchPage("sharded", query)];
      expect(b.results.length, query).toBeGreaterThan(0);
      expect([...b.results].sort(), query).toEqual([...a.results].sort());
      expect(b.status, query).toBe(a.status);
      expect(b.facets, query).toEqual(a.facets);
      expect(a.problems.concat(b.problems)).toEqual([]);
    }
  });

  it("sorts by year across the shards and languages, newest or oldest first", async () => {
    for (const query of ["q=training&sort=desc", "q=training&sort=asc", "direction=two-way&sort=desc", "q=college&all=1&sort=asc"]) {
      const [a, b] = [await searchPage("whole", query), await searchPage("sharded", query)];
      const years = yearsOf(b.results);
      expect(years.length, query).toBeGreaterThan(3);
      expect(new Set(years).size, query).toBeGreaterThan(2);
      const ordered = [...years].sort((x, y) => (query.endsWith("asc") ? x - y : y - x));
      expect(years, query).toEqual(ordered);
      expect(years, query).toEqual(yearsOf(a.results));
      expect(a.problems.concat(b.problems)).toEqual([]);
    }
  });
});
