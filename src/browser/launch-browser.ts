import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser } from "puppeteer";
import { findBrowser } from "./find-browser.js";

/** Flags that keep headless Chromium quiet, offline and independent of any profile. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
  "--font-render-hinting=none",
  // Chromium 14x+ opens a WebUI omnibox popup (a renderer running a large JavaScript app) for every
  // new window, and each browser context's first tab is a window: seconds of CPU per book, for nothing
  // a headless print uses. Puppeteer merges this list with its own disabled features.
  "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup",
];

export interface LaunchedBrowser {
  browser: Browser;
  /** Closes the browser and deletes its fresh profile folder. */
  close(): Promise<void>;
}

/** Launches headless Chromium with a fresh user-data-dir that is removed on close. */
export async function launchBrowser(env: NodeJS.ProcessEnv = process.env): Promise<LaunchedBrowser> {
  const executablePath = await findBrowser(env);
  const userDataDir = mkdtempSync(join(tmpdir(), "casebook-chromium-"));
  try {
    const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS, userDataDir });
    return {
      browser,
      async close() {
        await browser.close().catch(() => undefined);
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
