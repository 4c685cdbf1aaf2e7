import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StatusReport } from "../src/status/casebook-status.js";
import { ROOT, runCli } from "./helpers/run-cli.js";
import { removeProjects } from "./helpers/remove-projects.js";

const CLEAN = join(import.meta.dirname, "fixtures", "check", "clean");
let dir = "";

/**
 * Four cases from the clean fixture: `alpha` (published, en + current fr), `beta` (in review, its fr
 * stale), `gamma` (a draft written in Chinese, with an unversioned en translation) and `delta`
 * (published, its fr frontmatter broken).
 */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "casebook-status-"));
  const cases = join(dir, "cases");
  for (const id of ["alpha", "beta", "delta"]) cpSync(join(CLEAN, "cases", "welding-centre"), join(cases, id), { recursive: true });
  const edit = (file: string, change: (t: string) => string) => writeFileSync(join(cases, file), change(readFileSync(join(cases, file), "utf8")));
  edit("beta/en.md", (t) => t.replace("status: published", "status: review").replace("A fixture.", "A revised fixture."));
  edit("delta/fr.md", (t) => t.replace("title: Centre", "title: [Centre"));
  cpSync(join(CLEAN, "cases", "welding-centre"), join(cases, "gamma"), { recursive: true });
  rmSync(join(cases, "gamma", "fr.md"));
  writeFileSync(join(cases, "gamma", "zh.md"), readFileSync(join(cases, "gamma", "en.md"), "utf8").replace("status: published", "status: draft"));
  edit("gamma/en.md", (t) => t.replace("---\n", "---\ntranslatedFrom: zh\n"));
});
afterAll(() => removeProjects([dir]));

describe("casebook status", () => {
  it("prints cases by status, the coverage matrix and the translations to look at", () => {
    const run = runCli(["status"], dir);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe(
      [
        "4 cases: 1 draft, 1 in review, 2 published",
        "",
        "Cases by status",
        "  Draft (1)      gamma",
        "  In review (1)  beta",
        "  Published (2)",
        "",
        "Language coverage",
        "                         status     en  zh  fr  ru",
        "  alpha                  published  ●   ·   ✓   ·",
        "  beta                   review     ●   ·   !   ·",
        "  delta                  published  ●   ·   ✗   ·",
        "  gamma                  draft      ?   ●   ·   ·",
        "  cases in the language             4   1   3   0",
        "  ● original   ✓ translation   ! stale translation   ? unversioned translation   ✗ unreadable (see casebook check)   · missing",
        "",
        "Stale translations (1)",
        "  cases/beta/fr.md",
        "    made from en.md eea151047f11, which is now d33177a4b2c4; update it, then run: casebook stamp beta --lang fr",
        "",
        "Unversioned translations (1)",
        "  cases/gamma/en.md",
        "    records no sourceHash; once it matches zh.md, run: casebook stamp gamma --lang en",
        "",
      ].join("\n"),
    );
  });

  it("gives the same as data with --format json", () => {
    const run = runCli(["status", "--format", "json"], dir);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as StatusReport;
    expect(report.languages).toEqual(["en", "zh", "fr", "ru"]);
    expect(report.byStatus).toEqual({ draft: ["gamma"], review: ["beta"], published: ["alpha", "delta"] });
    expect(report.coverage).toEqual({ en: 4, zh: 1, fr: 3, ru: 0 });
    const states = Object.fromEntries(report.cases.map((c) => [c.id, report.languages.map((l) => c.languages[l]?.state)]));
    expect(states).toEqual({
      alpha: ["original", "missing", "translation", "missing"],
      beta: ["original", "missing", "stale", "missing"],
      delta: ["original", "missing", "unknown", "missing"],
      gamma: ["unversioned", "original", "missing", "missing"],
    });
    expect(report.cases.find((c) => c.id === "gamma")).toMatchObject({ status: "draft", original: "zh", title: "Welding skills centre in Almaty" });
    expect(report.stale).toEqual([
      { id: "beta", lang: "fr", file: "cases/beta/fr.md", original: "cases/beta/en.md", sourceHash: "eea151047f11", currentHash: "d33177a4b2c4" },
    ]);
    expect(report.unversioned).toEqual([
      { id: "gamma", lang: "en", file: "cases/gamma/en.md", original: "cases/gamma/zh.md", currentHash: expect.stringMatching(/^[0-9a-f]{12}$/) },
    ]);
    expect(report.cases.find((c) => c.id === "alpha")?.languages.fr).toEqual({
      state: "translation",
      file: "cases/alpha/fr.md",
      status: "published",
      sourceHash: "eea151047f11",
      currentHash: "eea151047f11",
    });
  });

  it("lists no stale or unversioned translation in the sample casebook", () => {
    const report = JSON.parse(runCli(["status", "--format", "json"], ROOT).stdout) as StatusReport;
    expect(report.cases.length).toBeGreaterThanOrEqual(24);
    expect(report.stale).toEqual([]);
    expect(report.unversioned).toEqual([]);
    const translations = report.cases.flatMap((c) => Object.values(c.languages).filter((l) => l.state === "translation"));
    expect(translations.length).toBeGreaterThanOrEqual(6);
  });

  it("rejects an unknown format as wrong usage", () => {
    expect(runCli(["status", "--format", "github"], dir).code).toBe(2);
  });
});
