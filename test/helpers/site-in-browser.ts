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
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(o: object): Promise<{ violations: unknown[] }> } }).axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    }),
  )) as { violations: AxeViolation[] };
  return result.violations.map((v) => `${label} ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}
