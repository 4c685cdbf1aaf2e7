import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatedProject } from "./helpers/generated-project.js";
import { removeProjects, searchSettled } from "./helpers/remove-projects.js";
import { runCli, type CliRun } from "./helpers/run-cli.js";

// A fixed date, so that a cached build and an uncached one may be compared byte for byte.
const ENV = { SOURCE_DATE_EPOCH: "1790000000" };
const temp: string[] = [];
afterAll(() => removeProjects(temp));

/** A project of 14 generated cases with its own copy of the vocabularies and the theme. */
function makeProject(): string {
  const { dir } = generatedProject("cache", 14, 7);
  temp.push(dir);
  return dir;
}

function build(project: string, ...args: string[]): CliRun {
  const run = runCli(["build", "--no-pdf", ...args], project, ENV);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return run;
}

/** Every file of a folder: relative path → bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) out.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)).toString("base64"));
  return out;
}

/** The site of a build without the cache, into a folder of its own. */
function uncached(project: string): Map<string, string> {
  rmSync(join(project, "fresh"), { recursive: true, force: true });
  build(project, "--no-cache", "--out", "fresh");
  return snapshot(join(project, "fresh", "site"));
}

function expectSameSite(project: string): void {
  const cached = snapshot(join(project, "dist", "site"));
  const fresh = uncached(project);
  expect([...cached.keys()].sort()).toEqual([...fresh.keys()].sort());
  const differing = [...fresh].filter(([file, bytes]) => cached.get(file) !== bytes).map(([file]) => file);
  expect(differing).toEqual([]);
}

/** The cache entries of pages, by what they hold: a case id, `listings <lang>`, or `site data` (open data, feeds, sitemap). */
function cacheEntries(project: string): Map<string, string> {
  const dir = join(project, ".casebook-cache", "pages");
  const entries = new Map<string, string>();
  for (const key of readdirSync(dir)) {
    const index = JSON.parse(readFileSync(join(dir, key, "index.json"), "utf8")) as { pages: { path: string; lang: string }[] };
    const first = index.pages[0]!;
    const label = /\/cases\/([^/]+)\//.exec(first.path)?.[1] ?? (first.path === "/data/cases.json" ? SITE_DATA : `listings ${first.lang}`);
    expect(entries.has(label)).toBe(false);
    entries.set(label, key);
  }
  return entries;
}

const LANGS = ["en", "fr", "ru", "zh"];
const LISTINGS = LANGS.map((l) => `listings ${l}`);
const SITE_DATA = "site data";
const caseIds = (entries: Map<string, string>) => [...entries.keys()].filter((label) => !label.startsWith("listings ") && label !== SITE_DATA).sort();

function renderedAgain(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([id, key]) => before.get(id) !== key).map(([id]) => id).sort();
}

// Each build spawns the real CLI; on a loaded machine a dozen of them take minutes.
describe("the build cache", { timeout: 600_000 }, () => {
  let project: string;
  beforeAll(() => {
    project = makeProject();
  });

  it("keeps its files in .casebook-cache/, outside the output, and a warm build gives the same site byte for byte", () => {
    const cold = build(project);
    expect(existsSync(join(project, ".casebook-cache", "pages"))).toBe(true);
    expect(readdirSync(join(project, "dist"))).not.toContain(".casebook-cache");
    expect(caseIds(cacheEntries(project))).toHaveLength(14);
    expect([...cacheEntries(project).keys()].filter((l) => l.startsWith("listings ")).sort()).toEqual(LISTINGS);
    const coldSite = snapshot(join(project, "dist", "site"));
    const page = join(project, "dist", "site", "index.html");
    const before = statSync(page);

    const warm = build(project);
    expect(warm.stdout).toBe(cold.stdout);
    // Nothing changed: the output was left as it was, not written again.
    expect(statSync(page).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(page).ino).toBe(before.ino);
    expect(snapshot(join(project, "dist", "site"))).toEqual(coldSite);
    expectSameSite(project);
  });

  let edited: string;
  it("renders again only the edited case after a body edit (its neighbours and related cases show only its title), not the listings, the open data, the feeds or the sitemap; search follows", async () => {
    const before = cacheEntries(project);
    const ids = caseIds(before);
    // A case without translations, so that the edit leaves no translation behind its original.
    edited = ids.find((id, i) => i > 3 && readdirSync(join(project, "cases", id)).filter((f) => f.endsWith(".md")).length === 1)!;
    appendFileSync(join(project, "cases", edited, "en.md"), "\nA sentence added by the cache test: quokka.\n");
    build(project);
    const after = cacheEntries(project);
    expect(after.size).toBe(14 + LISTINGS.length + 1);
    expect(renderedAgain(before, after)).toEqual([edited]);
    expect(readFileSync(join(project, "dist", "site", "en", "cases", edited, "index.html"), "utf8")).toContain("quokka");
    // The search index follows in the background, and ends up as a full build's; it is staged
    // outside the published site, so nothing but the finished index ever appears there.
    const site = join(project, "dist", "site");
    const appeared = new Set<string>();
    const watch = setInterval(() => readdirSync(site).forEach((name) => appeared.add(name)), 2);
    await searchSettled(project);
    clearInterval(watch);
    expect([...appeared].filter((name) => name.startsWith("."))).toEqual([]);
    expectSameSite(project);
    const page = join(project, "dist", "site", "index.html");
    const ino = statSync(page).ino;
    build(project);
    expect(statSync(page).ino).toBe(ino);
  });

  it("renders the listings and the pages that show the case again when a title changes", async () => {
    const before = cacheEntries(project);
    const ids = caseIds(before);
    // The pages whose aside (related cases, previous and next) names the edited case.
    const showing = ids.filter((id) => {
      const html = readFileSync(join(project, "dist", "site", "en", "cases", id, "index.html"), "utf8");
      const aside = html.slice(html.indexOf('<aside class="case-aside"'));
      return aside.includes(`href="/en/cases/${edited}/"`);
    });
    expect(showing.length).toBeGreaterThan(0);
    const file = join(project, "cases", edited, "en.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, "title: A retitled case for the cache test"));
    build(project);
    const again = renderedAgain(before, cacheEntries(project));
    expect(again).toEqual(expect.arrayContaining([edited, ...showing, ...LISTINGS, SITE_DATA]));
    for (const id of showing) expect(readFileSync(join(project, "dist", "site", "en", "cases", id, "index.html"), "utf8")).toContain("A retitled case for the cache test");
    expect(again.length).toBeLessThan(before.size);
    expect(readFileSync(join(project, "dist", "site", "en", "cases", "index.html"), "utf8")).toContain("A retitled case for the cache test");
    await searchSettled(project);
    expectSameSite(project);
  });

  for (const [what, change] of [
    ["a vocabulary", (p: string) => appendFileSync(join(p, "schema", "vocabularies", readdirSync(join(p, "schema", "vocabularies")).sort()[0]!), "\n")],
    ["the theme", (p: string) => appendFileSync(join(p, "themes", "default", "strings.yaml"), "\n")],
    ["the configuration", (p: string) => writeFileSync(join(p, "casebook.config.yaml"), readFileSync(join(p, "casebook.config.yaml"), "utf8").replace(/^edition: .*$/m, 'edition: "9"'))],
  ] as const)
    it(`renders every case again when ${what} changes`, async () => {
      const before = cacheEntries(project);
      change(project);
      build(project);
      const after = cacheEntries(project);
      expect(renderedAgain(before, after)).toEqual([...before.keys()].sort());
      expect(new Set(after.values()).size).toBe(14 + LISTINGS.length + 1);
      const now = new Set(after.values());
      for (const key of before.values()) expect(now.has(key)).toBe(false);
      await searchSettled(project);
      expectSameSite(project);
    });

  it("notices a page edited in the output (even one the cache shares) and a deleted cache", async () => {
    const ids = caseIds(cacheEntries(project));
    const page = join(project, "dist", "site", "en", "cases", ids[2]!, "index.html");
    writeFileSync(page, "tampered");
    build(project);
    expect(readFileSync(page, "utf8")).toContain("<!doctype html>");
    await searchSettled(project);
    expectSameSite(project);

    rmSync(join(project, ".casebook-cache"), { recursive: true });
    build(project);
    expect(caseIds(cacheEntries(project))).toHaveLength(14);
    expectSameSite(project);
  });

  it("--no-cache neither reads nor writes the cache", () => {
    const other = makeProject();
    build(other, "--no-cache");
    expect(existsSync(join(other, ".casebook-cache"))).toBe(false);
  });
});
