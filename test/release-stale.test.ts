import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectAt, release } from "./helpers/release-history.js";
import { runCli } from "./helpers/run-cli.js";
import { removeProjects } from "./helpers/remove-projects.js";

const temp: string[] = [];
afterAll(() => removeProjects(temp));

const FR = "cases/alpha-welding/fr.md";
const EN = "cases/alpha-welding/en.md";
const staleRules = (dir: string) =>
  (JSON.parse(runCli(["check", "--format", "json"], dir).stdout) as { ruleId: string; file: string }[])
    .filter((d) => d.ruleId.startsWith("translation-"))
    .map((d) => `${d.ruleId} ${d.file}`);
const build = (dir: string) => expect(runCli(["build", "--no-pdf"], dir, { SOURCE_DATE_EPOCH: "1704067200" })).toMatchObject({ code: 0 });
const page = (dir: string, lang: string) => readFileSync(join(dir, "dist", "site", lang, "cases", "alpha-welding", "index.html"), "utf8");

describe("a translation that stays honest", () => {
  it("is marked stale after its original changes, on the site and by check, status and release, until it is updated and stamped", () => {
    const dir = projectAt("2024");
    temp.push(dir);
    expect(staleRules(dir)).toEqual([]);
    build(dir);
    expect(page(dir, "fr")).not.toContain("stale-note");

    // The original changes: the French translation was made from an earlier version.
    writeFileSync(join(dir, EN), readFileSync(join(dir, EN), "utf8").replace("An illustrative fixture for the edition tests.", "An illustrative fixture, revised."));
    expect(staleRules(dir)).toEqual([`translation-stale ${FR}`]);
    expect(runCli(["status"], dir).stdout).toContain(`Stale translations (1)\n  ${FR}`);
    build(dir);
    const fr = page(dir, "fr");
    expect(fr).toContain('<p class="stale-note" lang="fr" role="note">Cette traduction n\'est peut-être plus à jour');
    expect(fr).toContain('<a href="/en/cases/alpha-welding/" hreflang="en">Lire l\'original (anglais)</a>');
    expect(page(dir, "en")).not.toContain("stale-note");
    const refused = release(dir, "2024");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("translation-stale");

    // The translator brings it up to date and stamps it.
    writeFileSync(join(dir, FR), readFileSync(join(dir, FR), "utf8").replace("Un cas fictif pour les tests d'éditions.", "Un cas fictif, révisé."));
    expect(runCli(["stamp", "alpha-welding", "--lang", "fr"], dir).code).toBe(0);
    expect(staleRules(dir)).toEqual([]);
    build(dir);
    expect(page(dir, "fr")).not.toContain("stale-note");
    expect(release(dir, "2024")).toMatchObject({ code: 0 });
  }, 300_000);
});
