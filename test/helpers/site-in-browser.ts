/// <reference lib="dom" />
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "puppeteer";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser, type LaunchedBrowser } from "../../src/browser/launch-browser.js";
import { serveStatic, type StaticServer } from "./static-server.js";

/** A built site served like a static host, and a headless Chromium to read it with. */
export interface SiteInBrowser {
  server: StaticServer;
  browser: Browser;
}

/**
 * Serves the site folder that `root()` names and launches Chromium before the file's tests, and
 * stops both after them. The returned object is filled in by `beforeAll`, so read it in tests only.
 */
export function siteInBrowser(root: () => string): SiteInBrowser {
  const handle = {} as SiteInBrowser;
  let launched: LaunchedBrowser | undefined;
  beforeAll(async () => {
    handle.server = await serveStatic(root());
    launched = await launchBrowser();
    handle.browser = launched.browser;
  });
  afterAll(async () => {
    await launched?.close();
    await handle.server?.close();
  });
  return handle;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.1 A and AA) on a loaded page; one line per violation, naming `label`. */
export async function axeViolations(page: Page, label: string, rules?: readonly string[]): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const runOnly = rules ? { type: "rule", values: [...rules] } : { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] };
  const result = (await page.evaluate(
    (runOnly) => (window as unknown as { axe: { run(o: object): Promise<{ violations: unknown[] }> } }).axe.run({ runOnly }),
    runOnly,
  )) as { violations: AxeViolation[] };
  return result.violations.map((v) => `${label} ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * The rules that depend on colour. The dark scheme changes colours only (custom properties and
 * `color-scheme` in web.css), so these are the rules whose answer can change with the scheme.
 */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/**
 * Runs every WCAG 2.1 A/AA rule of axe-core on a loaded page in the light scheme, then the colour
 * rules again in the dark scheme on the same page; one line per violation, naming `label` and the
 * scheme.
 */
export async function axeViolationsLightAndDark(page: Page, label: string): Promise<string[]> {
  const scheme = async (value: "light" | "dark") => {
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value }]);
    // The page must really have switched, or a run would check the other scheme's colours again.
    await page.waitForFunction((value) => getComputedStyle(document.documentElement).colorScheme === value, {}, value);
  };
  await scheme("light");
  const found = await axeViolations(page, `${label} [light]`);
  await scheme("dark");
  found.push(...(await axeViolations(page, `${label} [dark]`, COLOUR_RULES)));
  return found;
}
