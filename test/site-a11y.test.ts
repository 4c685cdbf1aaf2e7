/// <reference lib="dom" />
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { axeViolations, axeViolationsLightAndDark, siteInBrowser } from "./helpers/site-in-browser.js";

const site = siteInBrowser(() => join(inject("sampleOut"), "site"));

/**
 * Runs axe-core on a page once its scripts ran (and a search answered): in both colour schemes
 * (`dark`), or in the light one.
 */
async function violations(path: string, dark: boolean, width = 1280): Promise<string[]> {
  const page = await site.browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
  await page.goto(site.server.url + path, { waitUntil: "load" });
  if (path.includes("/search/")) {
    await page.waitForFunction(() => document.querySelectorAll(".search-filters fieldset").length > 0);
    await page.waitForFunction(() => (document.querySelector(".search-status")?.textContent ?? "") !== "", { timeout: 15_000 });
  }
  const found = dark ? await axeViolationsLightAndDark(page, path) : await axeViolations(page, `${path} [light]`);
  await page.close();
  return found;
}

/** Checks the pages two tabs at a time. */
async function allViolations(checks: (() => Promise<string[]>)[]): Promise<string[]> {
  const queue = [...checks];
  const found: string[][] = [];
  const tab = async () => {
    for (let check = queue.shift(); check; check = queue.shift()) found.push(await check());
  };
  await Promise.all([tab(), tab()]);
  return found.flat().sort();
}

const PAGES = ["", "cases/", "cases/tianjin-thailand-rail-workshop/", "search/?q=rail", "statistics/"];

describe("accessibility (axe-core, WCAG 2.1 AA)", () => {
  for (const lang of ["en", "zh", "fr", "ru"])
    it(`has no violation on the main pages in ${lang}, light and dark`, async () => {
      const checks = PAGES.map((page) => () => violations(`/${lang}/${page}`, true));
      expect(await allViolations(checks)).toEqual([]);
    }, 120_000);

  it("has no violation on a phone-sized screen", async () => {
    expect(await allViolations(PAGES.map((page) => () => violations(`/en/${page}`, false, 320)))).toEqual([]);
  }, 120_000);
});
