/// <reference lib="dom" />
import { join } from "node:path";
import type { Page } from "puppeteer";
import { describe, expect, inject, it } from "vitest";
import { siteFiles } from "./helpers/site-files.js";
import { siteInBrowser } from "./helpers/site-in-browser.js";

const site = join(inject("sampleOut"), "site");
const served = siteInBrowser(() => site);

/** A page that records console errors, page errors and requests to any other host. */
async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await served.browser.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warn") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${(e as Error).message}`));
  page.on("request", (r) => {
    if (!r.url().startsWith(served.server.url) && !r.url().startsWith("data:")) problems.push(`request to another host: ${r.url()}`);
  });
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()}`));
  await page.goto(served.server.url + path, { waitUntil: "load" });
  return { page, problems };
}

async function searchFor(page: Page, query: string): Promise<string[]> {
  await page.waitForSelector("form.search-form[data-ready]");
  await page.type("#search-input", query);
  await page.waitForFunction(() => document.querySelectorAll(".search-results li").length > 0, { timeout: 15_000 });
  return page.$$eval(".search-results a", (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

describe("the website in headless Chromium", () => {
  it("finds a case by searching", async () => {
    const { page, problems } = await open("/en/search/");
    const results = await searchFor(page, "Bangkok bogie");
    expect(results[0]).toBe("/en/cases/tianjin-thailand-rail-workshop/");
    expect(await page.$eval(".search-results mark", (m) => m.textContent?.toLowerCase())).toMatch(/bangkok|bogie/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("finds a Chinese case with a Chinese query", async () => {
    const { page, problems } = await open("/zh/search/");
    const results = await searchFor(page, "轨道交通");
    expect(results).toContain("/zh/cases/tianjin-thailand-rail-workshop/");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("browses by a country filter alone, and only that country's cases come back", async () => {
    const { page, problems } = await open("/en/search/?country=MN");
    await page.waitForFunction(() => document.querySelectorAll(".search-results li").length > 0, { timeout: 15_000 });
    const results = await page.$$eval(".search-results a", (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname).sort());
    expect(results).toEqual(["/en/cases/mongolia-mining-order-class/", "/en/cases/mongolia-veterinary-teacher-training/"]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("searches every language with the all-languages switch", async () => {
    const query = "сварщик";
    const own = await open(`/en/search/?q=${encodeURIComponent(query)}`);
    await own.page.waitForFunction(() => document.querySelector(".search-status")?.textContent !== "", { timeout: 15_000 });
    expect(await own.page.$$eval(".search-results li", (l) => l.length)).toBe(0);
    await own.page.close();
    const all = await open(`/en/search/?q=${encodeURIComponent(query)}&all=1`);
    await all.page.waitForFunction(() => document.querySelectorAll(".search-results li").length > 0, { timeout: 15_000 });
    const results = await all.page.$$eval(".search-results a", (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(results).toContain("/ru/cases/kazakhstan-welding-standards/");
    expect(all.problems).toEqual([]);
    await all.page.close();
  });

  it("filters the list of cases with facets: OR within a facet, AND across, state in the URL", async () => {
    const { page, problems } = await open("/en/cases/");
    const visible = () => page.$$eval("#case-list > li:not([hidden])", (cards) => cards.map((c) => (c as HTMLElement).dataset["countries"] ?? ""));
    const total = (await visible()).length;
    await page.click('input[name="country"][value="MN"]');
    expect((await visible()).every((c) => c.split(" ").includes("MN"))).toBe(true);
    expect((await visible()).length).toBe(2);
    await page.click('input[name="country"][value="FR"]');
    expect((await visible()).length).toBe(4); // OR within the country facet
    await page.click('input[name="direction"][value="go-global"]');
    const both = await visible();
    expect(both.length).toBe(2); // AND across facets: only the Mongolian cases go global
    const state = new URL(page.url()).searchParams;
    expect(state.getAll("country").sort()).toEqual(["FR", "MN"]);
    expect(state.getAll("direction")).toEqual(["go-global"]);
    expect(await page.$eval(".browse-status", (s) => s.textContent)).toBe(`Showing 2 of ${total} cases`);

    const shared = await open(new URL(page.url()).pathname + new URL(page.url()).search);
    expect(await shared.page.$$eval("#case-list > li:not([hidden])", (c) => c.length)).toBe(2);
    await shared.page.click(".facet-reset");
    await shared.page.waitForFunction((n) => document.querySelectorAll("#case-list > li:not([hidden])").length === n, {}, total);
    expect(problems.concat(shared.problems)).toEqual([]);
    await page.close();
    await shared.page.close();
  });

  it("keeps the reader on the same case when switching language", async () => {
    const { page } = await open("/en/cases/russia-aviation-joint-programme/");
    await Promise.all([page.waitForNavigation(), page.click('.language-switcher a[hreflang="ru"]')]);
    expect(new URL(page.url()).pathname).toBe("/ru/cases/russia-aviation-joint-programme/");
    expect(await page.$eval("html", (h) => h.lang)).toBe("ru");
    await page.close();
  });

  it("shows no console error and requests no other host on any page", async () => {
    const pages = siteFiles(site).filter((f) => f.endsWith(".html"));
    const problems: string[] = [];
    // Four tabs share the list: every page is loaded and its scripts run.
    const worker = async () => {
      const page = await served.browser.newPage();
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(`${page.url()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`${page.url()}: ${(e as Error).message}`));
      page.on("request", (r) => {
        if (!r.url().startsWith(served.server.url) && !r.url().startsWith("data:")) problems.push(`${page.url()}: request to ${r.url()}`);
      });
      for (let file = pages.shift(); file !== undefined; file = pages.shift()) {
        const path = `/${file.replace(/index\.html$/, "")}`;
        const response = await page.goto(served.server.url + path, { waitUntil: "load" });
        if (file !== "404.html" && response?.status() !== 200) problems.push(`${path}: HTTP ${response?.status()}`);
        // The search script runs on after "load" (it loads the index first): its errors count too.
        if (await page.$("form.search-form")) {
          await page.waitForSelector("form.search-form[data-ready]", { timeout: 15_000 }).catch(() => problems.push(`${path}: the search form never became ready`));
        }
      }
      await page.close();
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(problems).toEqual([]);
    expect(served.server.missing.filter((p) => p !== "/404.html")).toEqual([]);
  }, 300_000);
});
