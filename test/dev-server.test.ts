/// <reference lib="dom" />
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../src/browser/launch-browser.js";
import { devCommand } from "../src/cli/dev.js";
import type { CliIO } from "../src/cli/io.js";
import { removeProjects } from "./helpers/remove-projects.js";

const dir = mkdtempSync(join(tmpdir(), "casebook-dev-"));
cpSync(join(import.meta.dirname, "fixtures", "check", "clean"), dir, { recursive: true });
writeFileSync(join(dir, "casebook.config.yaml"), "title: Preview test\nedition: '1'\nlanguages: [en, fr]\nbaseUrl: https://example.org/\npublisher: Test\n");
const caseFile = join(dir, "cases/welding-centre/en.md");
afterAll(() => removeProjects([dir]));

describe("casebook dev", () => {
  it("serves the preview, reloads on save, shows problems over the page and recovers", async () => {
    const output: string[] = [];
    const io: CliIO = { stdout: (t) => output.push(t), stderr: (t) => output.push(t), env: {}, cwd: dir, isTTY: false };
    const stop = new AbortController();
    const running = devCommand(["--port", "0"], io, stop.signal);
    const url = await waitFor(() => /serving the preview at (\S+)\//.exec(output.join(""))?.[1]);
    const { browser, close } = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${url}/en/cases/welding-centre/`, { waitUntil: "load" });
      expect(await page.$eval("h1", (h) => h.textContent)).toBe("Welding skills centre in Almaty");
      // The search index follows the first build in the background, and is then served.
      await waitFor(() => (output.join("").includes("search index updated") ? true : undefined));
      expect((await fetch(`${url}/pagefind/pagefind-entry.json`)).status).toBe(200);

      const original = readFileSync(caseFile, "utf8");
      const edited = original.replace("title: Welding skills centre in Almaty", "title: Welding academy in Almaty");
      await Promise.all([page.waitForNavigation({ timeout: 30_000 }), Promise.resolve().then(() => writeFileSync(caseFile, edited))]);
      expect(await page.$eval("h1", (h) => h.textContent)).toBe("Welding academy in Almaty");

      writeFileSync(caseFile, edited.replace("direction: go-global", "direction: sideways"));
      await page.waitForSelector("#casebook-overlay", { timeout: 30_000 });
      const overlay = await page.$eval("#casebook-overlay", (o) => o.textContent ?? "");
      expect(overlay).toContain("vocabulary-unknown-term");
      expect(overlay).toContain("cases/welding-centre/en.md:10:12");

      await Promise.all([page.waitForNavigation({ timeout: 30_000 }), Promise.resolve().then(() => writeFileSync(caseFile, edited))]);
      expect(await page.$("#casebook-overlay")).toBeNull();
      expect(await page.$eval("h1", (h) => h.textContent)).toBe("Welding academy in Almaty");
    } finally {
      await close();
      stop.abort();
      expect(await running).toBe(0);
    }
  }, 120_000);
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}
