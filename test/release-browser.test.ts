/// <reference lib="dom" />
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EDITIONS, projectAt, release } from "./helpers/release-history.js";
import { axeViolationsLightAndDark, siteInBrowser } from "./helpers/site-in-browser.js";
import { removeProjects } from "./helpers/remove-projects.js";

let dir = "";

// The history released up to 2025.1, whose site is served like a static host.
beforeAll(async () => {
  dir = projectAt(EDITIONS[0]);
  for (const edition of EDITIONS) {
    projectAt(edition, dir);
    expect(release(dir, edition)).toMatchObject({ code: 0 });
  }
}, 240_000);
afterAll(() => (dir ? removeProjects([dir]) : undefined));
// Registered after the release above, so the site it serves exists.
const site = siteInBrowser(() => join(dir, "dist", "releases", "2025.1", "site"));

describe("permanent links in a real browser", () => {
  it.each(["en", "fr"])("the old URL of a renamed case leads to its new page (%s)", async (lang) => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/${lang}/cases/farm-school/`, { waitUntil: "load" });
    // The new address shows as soon as the redirect's navigation commits, before its page is parsed:
    // wait for the new document to have loaded too.
    await page.waitForFunction((l) => location.pathname === `/${l}/cases/zambia-farm-machinery-school/` && document.readyState === "complete", { timeout: 10_000 }, lang);
    expect(await page.$eval("h1", (h) => h.textContent)).toBe("Farm machinery school in Lusaka");
    expect(await page.$eval("link[rel=canonical]", (l) => l.getAttribute("href"))).toBe(`https://casebook.example.org/${lang}/cases/zambia-farm-machinery-school/`);
    await page.close();
  });

  it("the URL of a withdrawn case answers with the reason, and the banner links to the changelog", async () => {
    const page = await site.browser.newPage();
    const response = await page.goto(`${site.server.url}/en/cases/gamma-logistics/`, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    expect(await page.$eval("h1", (h) => h.textContent)).toBe("Case withdrawn");
    await Promise.all([page.waitForNavigation(), page.click(".edition-banner a[href='/en/changelog/']")]);
    expect(await page.$eval("h1", (h) => h.textContent)).toBe("Changes in edition 2025.1");
    expect(await page.$$eval("section.changelog-withdrawn li a", (as) => as.map((a) => a.getAttribute("href")))).toEqual(["/en/cases/gamma-logistics/"]);
    expect(site.server.missing).toEqual([]);
    await page.close();
  });

  it("the banner, the changelog and the withdrawn page pass axe-core (WCAG 2.1 AA, light and dark)", async () => {
    const found: string[] = [];
    for (const path of ["/fr/", "/en/changelog/", "/fr/changelog/", "/en/cases/gamma-logistics/", "/en/cases/alpha-welding/"]) {
      const page = await site.browser.newPage();
      await page.goto(site.server.url + path, { waitUntil: "load" });
      found.push(...(await axeViolationsLightAndDark(page, path)));
      await page.close();
    }
    expect(found).toEqual([]);
  });

});
