/// <reference lib="dom" />
import { readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type LaunchedBrowser } from "../src/browser/launch-browser.js";
import { EDITIONS, projectAt, release } from "./helpers/release-history.js";
import { serveStatic, type StaticServer } from "./helpers/static-server.js";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let dir = "";
let server: StaticServer;
let launched: LaunchedBrowser;
let browser: Browser;

// The history released up to 2025.1, whose site is served like a static host.
beforeAll(async () => {
  dir = projectAt(EDITIONS[0]);
  for (const edition of EDITIONS) {
    projectAt(edition, dir);
    expect(release(dir, edition)).toMatchObject({ code: 0 });
  }
  server = await serveStatic(join(dir, "dist", "releases", "2025.1", "site"));
  launched = await launchBrowser();
  browser = launched.browser;
}, 240_000);
afterAll(async () => {
  await launched?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("permanent links in a real browser", () => {
  it.each(["en", "fr"])("the old URL of a renamed case leads to its new page (%s)", async (lang) => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/${lang}/cases/farm-school/`, { waitUntil: "networkidle0" });
    await page.waitForFunction((l) => location.pathname === `/${l}/cases/zambia-farm-machinery-school/`, { timeout: 10_000 }, lang);
    expect(await page.$eval("h1", (h) => h.textContent)).toBe("Farm machinery school in Lusaka");
    expect(await page.$eval("link[rel=canonical]", (l) => l.getAttribute("href"))).toBe(`https://casebook.example.org/${lang}/cases/zambia-farm-machinery-school/`);
    await page.close();
  });

  it("the URL of a withdrawn case answers with the reason, and the banner links to the changelog", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}/en/cases/gamma-logistics/`, { waitUntil: "networkidle0" });
    expect(response?.status()).toBe(200);
    expect(await page.$eval("h1", (h) => h.textContent)).toBe("Case withdrawn");
    await Promise.all([page.waitForNavigation(), page.click(".edition-banner a[href='/en/changelog/']")]);
    expect(await page.$eval("h1", (h) => h.textContent)).toBe("Changes in edition 2025.1");
    expect(await page.$$eval("section.changelog-withdrawn li a", (as) => as.map((a) => a.getAttribute("href")))).toEqual(["/en/cases/gamma-logistics/"]);
    expect(server.missing).toEqual([]);
    await page.close();
  });

  it.each(["light", "dark"] as const)("the banner, the changelog and the withdrawn page pass axe-core (WCAG 2.1 AA, %s)", async (scheme) => {
    const found: string[] = [];
    for (const path of ["/fr/", "/en/changelog/", "/fr/changelog/", "/en/cases/gamma-logistics/", "/en/cases/alpha-welding/"]) {
      const page = await browser.newPage();
      await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
      await page.goto(server.url + path, { waitUntil: "networkidle0" });
      await page.addScriptTag({ content: axeSource });
      const result = (await page.evaluate(() =>
        (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run({
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        }),
      )) as { violations: { id: string; nodes: { target: string[] }[] }[] };
      found.push(...result.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`));
      await page.close();
    }
    expect(found).toEqual([]);
  });
});
