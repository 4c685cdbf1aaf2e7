/// <reference lib="dom" />
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, type LaunchedBrowser } from "../src/browser/launch-browser.js";
import { serveStatic, type StaticServer } from "./helpers/static-server.js";

const site = join(inject("sampleOut"), "site");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let server: StaticServer;
let launched: LaunchedBrowser;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(site);
  launched = await launchBrowser();
  browser = launched.browser;
});
afterAll(async () => {
  await launched?.close();
  await server?.close();
});

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.1 A and AA) on a page, in light or dark mode, after its scripts ran. */
async function violations(path: string, scheme: "light" | "dark", width = 1280): Promise<string[]> {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
  await page.goto(server.url + path, { waitUntil: "networkidle0" });
  if (path.includes("/search/")) await page.waitForFunction(() => document.querySelectorAll(".search-filters fieldset").length > 0);
  await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(o: object): Promise<{ violations: unknown[] }> } }).axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    }),
  )) as { violations: AxeViolation[] };
  await page.close();
  return result.violations.map((v) => `${path} [${scheme}] ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

const PAGES = ["", "cases/", "cases/tianjin-thailand-rail-workshop/", "search/?q=rail", "statistics/"];

describe("accessibility (axe-core, WCAG 2.1 AA)", () => {
  for (const lang of ["en", "zh", "fr", "ru"])
    it(`has no violation on the main pages in ${lang}, light and dark`, async () => {
      const found: string[] = [];
      for (const page of PAGES) for (const scheme of ["light", "dark"] as const) found.push(...(await violations(`/${lang}/${page}`, scheme)));
      expect(found).toEqual([]);
    }, 120_000);

  it("has no violation on a phone-sized screen", async () => {
    const found: string[] = [];
    for (const page of PAGES) found.push(...(await violations(`/en/${page}`, "light", 320)));
    expect(found).toEqual([]);
  }, 120_000);
});
