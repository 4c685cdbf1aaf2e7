import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { BIN, ROOT } from "./helpers/run-cli.js";
import { describePdfDifference } from "./helpers/pdf-difference.js";
import { siteFiles } from "./helpers/site-files.js";
import { removeProjects } from "./helpers/remove-projects.js";

/**
 * Issue 5, "Reproducible": two builds of the sample casebook, made at different times, from the
 * project and from a copy created in reverse order at another path, in different time zones and
 * locales, with the same SOURCE_DATE_EPOCH, give a byte-identical dist/, PDFs included. The first
 * is the run's shared build of the sample (test/setup/build-sample.ts: the project itself, TZ=UTC,
 * LANG=C, at the start of the run), the second is made here.
 */
const parent = mkdtempSync(join(tmpdir(), "casebook-repro-"));
afterAll(() => removeProjects([parent]));

/** Copies the sample project, creating entries in reverse name order. */
function copyProject(to: string): void {
  const copy = (from: string, dest: string) => {
    mkdirSync(dest, { recursive: true });
    const names = readdirSync(from).sort();
    // Reverse order, so that directory listings in creation order differ from the project's.
    for (const name of names.reverse()) {
      const path = join(from, name);
      if (statSync(path).isDirectory()) copy(path, join(dest, name));
      else copyFileSync(path, join(dest, name));
    }
  };
  copy(join(ROOT, "cases"), join(to, "cases"));
  copyFileSync(join(ROOT, "casebook.config.yaml"), join(to, "casebook.config.yaml"));
  try {
    copy(join(ROOT, "book"), join(to, "book"));
  } catch {
    // no book/ folder of introductions
  }
}

function build(cwd: string, env: NodeJS.ProcessEnv): string {
  const out = join(cwd, "dist");
  const run = spawnSync(process.execPath, [BIN, "build", "--out", out], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", SOURCE_DATE_EPOCH: "1767225600", ...env },
    timeout: 480_000,
  });
  expect(run.status, run.stderr).toBe(0);
  return out;
}

describe("two builds of the same sources", () => {
  it("give a byte-identical dist/ (pages, search index, data and PDFs) across times, time zones, locales, paths and file creation order", async () => {
    const first = inject("sampleOut");
    const b = join(parent, "second", "elsewhere");
    copyProject(b);
    const second = build(b, { TZ: "Pacific/Kiritimati", LANG: "zh_CN.UTF-8", LC_ALL: "fr_FR.UTF-8" });
    const files = siteFiles(first);
    expect(files.filter((f) => f.endsWith(".pdf")).length).toBeGreaterThan(4);
    expect(files.some((f) => f.startsWith("site/pagefind/"))).toBe(true);
    expect(siteFiles(second)).toEqual(files);
    const different = files.filter((f) => !readFileSync(join(first, f)).equals(readFileSync(join(second, f))));
    // A PDF that differs says how (pages, text, fonts, where its bytes part), to find the cause.
    const pdf = different.find((f) => f.endsWith(".pdf"));
    const how = pdf ? `\n${pdf}: ${await describePdfDifference(readFileSync(join(first, pdf)), readFileSync(join(second, pdf)))}` : "";
    expect(different, `files that differ${how}`).toEqual([]);
    // The date that is not in the sources comes from SOURCE_DATE_EPOCH.
    expect(readFileSync(join(first, "site/data/cases.json"), "utf8")).toContain('"generated": "2026-01-01T00:00:00Z"');
  }, 1_200_000);
});
