import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCasebook } from "../bench/generate-cases.js";
import { openProject } from "../src/build/open-project.js";
import { PARALLEL_RENDER_MIN_CASES } from "../src/build/render-pool.js";
import { linkCasebook } from "../src/link/link-casebook.js";
import { loadCasebook } from "../src/load/load-casebook.js";
import { relatedIndex } from "../src/site/components/related-cases.js";
import { renderCasePages } from "../src/site/render-site.js";
import { loadThemeStrings } from "../src/site/theme-strings.js";
import { validateCasebook } from "../src/validate/validate-casebook.js";
import { ROOT, runCli } from "./helpers/run-cli.js";
import { siteFiles } from "./helpers/site-files.js";
import { removeProjects } from "./helpers/remove-projects.js";

/**
 * A large casebook's case pages are rendered by worker threads, which write them themselves. The
 * site must be the same, byte for byte, as when one thread renders everything: pages, search
 * index, sitemap.
 */
const project = mkdtempSync(join(tmpdir(), "casebook-render-parallel-"));
afterAll(() => removeProjects([project]));
const EPOCH = { SOURCE_DATE_EPOCH: "1735689600" };

beforeAll(() => {
  copyFileSync(join(ROOT, "casebook.config.yaml"), join(project, "casebook.config.yaml"));
  // Translations, untranslated cases shown as fallbacks, `case:` links between cases.
  generateCasebook({ count: 2 * PARALLEL_RENDER_MIN_CASES + 9, seed: 5, dir: join(project, "cases") });
});

describe("rendering on several threads", () => {
  it("writes the same site as one thread", () => {
    for (const threads of ["1", "2"]) {
      const run = runCli(["build", "--no-pdf", "--no-cache", "--threads", threads, "--out", `out-${threads}`], project, EPOCH);
      expect(run.stderr).not.toMatch(/error|Error/);
      expect(run.code).toBe(0);
    }
    const one = join(project, "out-1", "site");
    const two = join(project, "out-2", "site");
    const files = siteFiles(one);
    expect(files.filter((f) => /\/cases\/[^/]+\/index\.html$/.test(f)).length).toBe(4 * (2 * PARALLEL_RENDER_MIN_CASES + 9));
    expect(files.some((f) => f.startsWith("pagefind/"))).toBe(true);
    expect(siteFiles(two)).toEqual(files);
    const differing = files.filter((f) => !readFileSync(join(one, f)).equals(readFileSync(join(two, f))));
    expect(differing).toEqual([]);
  });

  it("refuses a number of threads that is not a whole number from 1", () => {
    for (const bad of ["0", "two", "1.5"]) {
      const run = runCli(["build", "--no-pdf", "--threads", bad], project);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("--threads must be a whole number");
    }
  });
});

describe("the pool of rendering threads", () => {
  // The compiled pool (lib/, built by the global setup): its workers are compiled JavaScript.
  const loadPool = async () => (await import(pathToFileURL(join(ROOT, "lib/src/build/render-pool.js")).href)) as typeof import("../src/build/render-pool.js");
  const casebook = () => {
    const opened = openProject({ cwd: project });
    const loaded = loadCasebook(opened.casesDir, opened.cwd);
    const validated = validateCasebook(loaded, { vocabularies: opened.vocabularies, currentYear: 2025 });
    return linkCasebook(validated, loaded, { config: opened.config!, vocabularies: opened.vocabularies, includeDrafts: false });
  };

  it("writes each case's pages and answers with them, the HTML of searchable pages only", async () => {
    const { RenderPool } = await loadPool();
    const book = casebook();
    const options = { strings: loadThemeStrings(join(ROOT, "themes/default")), buildDate: "2025-01-01T00:00:00Z", withPdf: false, related: relatedIndex(book.cases) };
    const siteDir = mkdtempSync(join(project, "pool-"));
    const pool = new RenderPool(2);
    try {
      pool.start(book, options, siteDir);
      const entries = book.cases.slice(0, 20);
      const tickets = entries.map((entry) => pool.render(entry));
      for (const [i, entry] of entries.entries()) {
        const pages = await tickets[i]!();
        const expected = renderCasePages(book, entry, options);
        expect(pages.map((p) => p.path)).toEqual(expected.map((p) => p.path));
        for (const [j, page] of pages.entries()) {
          expect(readFileSync(join(siteDir, page.file), "utf8")).toBe(expected[j]!.html);
          expect(page.html).toBe(page.searchable ? expected[j]!.html : undefined);
        }
      }
    } finally {
      await pool.close();
    }
  });

  it("rejects the pending cases when a thread fails, with its message", async () => {
    const { RenderPool, RenderWorkerError } = await loadPool();
    const book = casebook();
    const options = { strings: loadThemeStrings(join(ROOT, "themes/default")), buildDate: "2025-01-01T00:00:00Z", withPdf: false, related: relatedIndex(book.cases) };
    const pool = new RenderPool(1);
    try {
      expect(() => pool.render(book.cases[0]!)).toThrow("before they had a casebook");
      pool.start(book, options, mkdtempSync(join(project, "pool-")));
      const stranger = { ...book.cases[0]!, id: "not-in-this-casebook" };
      const failing = pool.render(stranger);
      const after = pool.render(book.cases[1]!);
      await expect(failing()).rejects.toThrow(RenderWorkerError);
      await expect(failing()).rejects.toThrow("no case not-in-this-casebook");
      await expect(after()).rejects.toThrow(RenderWorkerError);
    } finally {
      await pool.close();
    }
  });
});
