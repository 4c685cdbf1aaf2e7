import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashText } from "../src/cache/hash-tree.js";
import { generatedProject } from "./helpers/generated-project.js";
import { removeProjects, searchSettled } from "./helpers/remove-projects.js";
import { runCli, type CliRun } from "./helpers/run-cli.js";

// A fixed date, so that the site can be compared byte for byte with a build without the cache.
const ENV = { SOURCE_DATE_EPOCH: "1790000000" };
const QUICK = /^Only the pages of (.+) were made again; the search index follows in the background\.$/m;
const temp: string[] = [];
afterAll(() => removeProjects(temp));

/**
 * A build once the previous one's background search job is done: a job that swaps its index in
 * while a build checks the output makes that build a full one (correct, and slower), which is
 * not what these tests look at.
 */
async function settledBuild(project: string, ...args: string[]): Promise<CliRun> {
  await searchSettled(project);
  return build(project, ...args);
}

function build(project: string, ...args: string[]): CliRun {
  const run = runCli(["build", "--no-pdf", ...args], project, ENV);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return run;
}

/** The cases whose pages the build made again on its own (the quick path), or undefined after a full build. */
function quickly(run: CliRun): string[] | undefined {
  return QUICK.exec(run.stdout)?.[1]!.split(", ");
}

/** Every file of a folder: relative path → base64 of its bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) out.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)).toString("base64"));
  return out;
}

/** Once the search index has followed, the site is the one a build without the cache makes, byte for byte. */
async function expectFullBuildsSite(project: string): Promise<void> {
  await searchSettled(project);
  const site = snapshot(join(project, "dist", "site"));
  rmSync(join(project, "fresh"), { recursive: true, force: true });
  build(project, "--no-cache", "--out", "fresh");
  const fresh = snapshot(join(project, "fresh", "site"));
  expect([...site.keys()].sort()).toEqual([...fresh.keys()].sort());
  expect([...fresh].filter(([file, bytes]) => site.get(file) !== bytes).map(([file]) => file)).toEqual([]);
}

const md = (project: string, id: string, lang = "en") => join(project, "cases", id, `${lang}.md`);
const languagesOf = (project: string, id: string) => readdirSync(join(project, "cases", id)).filter((f) => f.endsWith(".md"));
const replaceIn = (file: string, from: RegExp, to: string) => {
  const text = readFileSync(file, "utf8");
  expect(text).toMatch(from);
  writeFileSync(file, text.replace(from, to));
};

// Each build spawns the real CLI; on a loaded machine the two dozen of them take minutes.
describe("a build after body edits (the quick path)", { timeout: 600_000 }, () => {
  let project: string;
  let ids: string[];
  /** Cases with one language only, so that an edit leaves no translation behind its original. */
  let single: string[];
  beforeAll(async () => {
    ({ dir: project, ids } = generatedProject("quick", 16, 23));
    temp.push(project);
    single = ids.filter((id) => languagesOf(project, id).length === 1);
    expect(single.length).toBeGreaterThanOrEqual(4);
    expect(quickly(await settledBuild(project))).toBeUndefined();
  });

  it("makes again only the edited case's pages, leaves every other file as it was, and ends with the full build's site", async () => {
    const id = single[0]!;
    const site = join(project, "dist", "site");
    const inodes = new Map([...snapshot(site).keys()].map((file) => [file, statSync(join(site, file)).ino]));
    appendFileSync(md(project, id), "\nA sentence added by the quick-build test: wombat.\n");
    const run = await settledBuild(project);
    expect(quickly(run)).toEqual([id]);
    expect(run.stdout).toContain(`Built 16 cases,`);
    expect(readFileSync(join(site, "en", "cases", id, "index.html"), "utf8")).toContain("wombat");
    // Its pages in every language (a reader's language falls back to the original) and nothing else.
    const changed = [...inodes].filter(([file, ino]) => !file.startsWith("pagefind/") && statSync(join(site, file), { throwIfNoEntry: false })?.ino !== ino).map(([file]) => file);
    expect(changed.sort()).toEqual(["en", "fr", "ru", "zh"].map((lang) => join(lang, "cases", id, "index.html")).sort());
    await expectFullBuildsSite(project);
    // The search index followed: the new word is found in the index's fragments.
    const fragments = join(site, "pagefind", "fragment");
    expect(existsSync(fragments)).toBe(true);
  });

  it("edits one after another build on each other, and a full build in between starts them afresh", async () => {
    const [a, b] = [single[1]!, single[2]!];
    appendFileSync(md(project, a), "\nFirst quick edit: numbat.\n");
    expect(quickly(await settledBuild(project))).toEqual([a]);
    appendFileSync(md(project, b), "\nSecond quick edit: bilby.\n");
    expect(quickly(await settledBuild(project))).toEqual([b]);
    replaceIn(md(project, a), /numbat/, "quoll");
    expect(quickly(await settledBuild(project))).toEqual([a]);
    await expectFullBuildsSite(project);
    expect(readFileSync(join(project, "dist", "site", "en", "cases", a, "index.html"), "utf8")).toContain("quoll");
    // Two cases at once.
    appendFileSync(md(project, a), "\nBoth at once: dingo.\n");
    appendFileSync(md(project, b), "\nBoth at once: dingo.\n");
    expect(quickly(await settledBuild(project))?.sort()).toEqual([a, b].sort());
    // A retitled case shows on other pages: a full build, after which quick builds go on.
    replaceIn(md(project, b), /^title: .*$/m, "title: Retitled by the quick-build test");
    expect(quickly(await settledBuild(project))).toBeUndefined();
    appendFileSync(md(project, a), "\nAfter the full build: echidna.\n");
    expect(quickly(await settledBuild(project))).toEqual([a]);
    await expectFullBuildsSite(project);
  });

  it("leaves to the full build an edit that shows beyond the case's own pages", async () => {
    const id = single[3]!;
    const other = ids.find((x) => x !== id && !readFileSync(md(project, id), "utf8").includes(`case:${x}`))!;
    for (const [what, edit] of [
      ["the summary", () => replaceIn(md(project, id), /^summary: .*$/m, "summary: A summary rewritten by the quick-build test.")],
      ["a partner's name", () => replaceIn(md(project, id), /^ {2}- name: .*$/m, "  - name: A partner renamed by the quick-build test")],
      ["a new link to another case", () => appendFileSync(md(project, id), `\nSee also [another case](case:${other}).\n`)],
    ] as const) {
      edit();
      expect(quickly(await settledBuild(project)), what).toBeUndefined();
    }
    await expectFullBuildsSite(project);
  });

  it("takes the full build when an original's edit may leave its translations behind, and the site agrees", async () => {
    const translated = ids.find((id) => languagesOf(project, id).length > 1)!;
    const original = join(project, "cases", translated, languagesOf(project, translated).find((f) => !/^translatedFrom:/m.test(readFileSync(join(project, "cases", translated, f), "utf8")))!);
    const text = readFileSync(original, "utf8");
    appendFileSync(original, "\nAn original's body edited by the quick-build test.\n");
    await searchSettled(project);
    const run = runCli(["build", "--no-pdf"], project, ENV);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("translation-stale");
    expect(quickly(run)).toBeUndefined();
    await searchSettled(project);
    const fresh = runCli(["build", "--no-pdf", "--no-cache", "--out", "fresh"], project, ENV);
    expect(fresh.stderr).toBe(run.stderr.replaceAll("dist", "fresh"));
    expect(snapshot(join(project, "fresh", "site"))).toEqual(snapshot(join(project, "dist", "site")));
    writeFileSync(original, text);
    expect(quickly(await settledBuild(project))).toBeUndefined();
  });

  it("takes the quick path for an original whose translation is already stale, and reports its warning as the full build does", async () => {
    const translated = ids.filter((id) => languagesOf(project, id).length > 1)[1]!;
    const original = join(project, "cases", translated, languagesOf(project, translated).find((f) => !/^translatedFrom:/m.test(readFileSync(join(project, "cases", translated, f), "utf8")))!);
    const text = readFileSync(original, "utf8");
    const built = async () => {
      await searchSettled(project);
      const run = runCli(["build", "--no-pdf"], project, ENV);
      expect(run.code).toBe(0);
      return run;
    };
    appendFileSync(original, "\nAn original's body edited by the quick-build test.\n");
    const first = await built();
    expect(quickly(first)).toBeUndefined(); // the translation has just become stale: every listing shows it
    appendFileSync(original, "\nAnd edited again, its translation still stale.\n");
    const second = await built();
    expect(quickly(second)).toEqual([translated]);
    expect(second.stderr).toContain("translation-stale");
    expect(second.stderr).not.toBe(first.stderr); // the warning names the original's new hash
    const fresh = runCli(["build", "--no-pdf", "--no-cache", "--out", "fresh"], project, ENV);
    expect(fresh.stderr).toBe(second.stderr.replaceAll("dist", "fresh"));
    await searchSettled(project);
    expect(snapshot(join(project, "fresh", "site"))).toEqual(snapshot(join(project, "dist", "site")));
    // A build with nothing changed says it again, from the quick build's record.
    expect((await built()).stderr).toBe(second.stderr);
    writeFileSync(original, text);
    expect(quickly(await settledBuild(project))).toBeUndefined();
  });

  it("makes the search index before exiting with --wait-search or in CI, so the output is complete at once", async () => {
    const id = single[2]!;
    const jobs = join(project, ".casebook-cache", "search-jobs");
    for (const [how, args, env] of [
      ["--wait-search", ["--wait-search"], {}],
      ["CI=true", [], { CI: "true" }],
    ] as const) {
      appendFileSync(md(project, id), `\nA sentence added by the quick-build test (${how}).\n`);
      await searchSettled(project);
      const run = runCli(["build", "--no-pdf", ...args], project, { ...ENV, ...env });
      expect(run.stderr, how).toBe("");
      expect(run.stdout, how).toContain(`Only the pages of ${id} were made again; the search index was made again too.`);
      // No job was left behind, and the site is already a full build's, its search index included.
      expect(existsSync(jobs) ? readdirSync(jobs) : [], how).toEqual([]);
      const site = snapshot(join(project, "dist", "site"));
      rmSync(join(project, "fresh"), { recursive: true, force: true });
      build(project, "--no-cache", "--out", "fresh");
      expect(snapshot(join(project, "fresh", "site")), how).toEqual(site);
    }
  });

  it("copies again an image changed in place in a case (its Markdown untouched)", async () => {
    const id = ids.find((x) => existsSync(join(project, "cases", x, "images")) && readdirSync(join(project, "cases", x, "images")).some((f) => f.endsWith(".svg")))!;
    const image = readdirSync(join(project, "cases", id, "images")).find((f) => f.endsWith(".svg"))!;
    const source = join(project, "cases", id, "images", image);
    writeFileSync(source, readFileSync(source, "utf8").replace("</svg>", "<!-- redrawn by the quick-build test --></svg>"));
    expect(quickly(await settledBuild(project))).toEqual([id]);
    const copies = snapshot(join(project, "dist", "site"));
    const copy = [...copies.keys()].find((file) => file.endsWith(join(id, "images", image)) || file.endsWith(`${id}/${image}`));
    expect(copy).toBeDefined();
    expect(Buffer.from(copies.get(copy!)!, "base64").toString("utf8")).toContain("redrawn by the quick-build test");
    await expectFullBuildsSite(project);
  });

  it("reports an error in the edited case as a full build does, and writes nothing", async () => {
    const id = single[0]!;
    const file = md(project, id);
    const good = readFileSync(file, "utf8");
    const site = snapshot(join(project, "dist", "site"));
    writeFileSync(file, `${good}\n![A missing figure](images/not-there.svg)\n`);
    const run = runCli(["build", "--no-pdf"], project, ENV);
    expect(run.code).toBe(1);
    const fresh = runCli(["build", "--no-pdf", "--no-cache", "--out", "fresh"], project, ENV);
    expect(run.stderr.split("\n").filter((l) => l.includes(id))).toEqual(fresh.stderr.split("\n").filter((l) => l.includes(id)));
    expect(run.stderr).toContain("not-there.svg");
    expect(snapshot(join(project, "dist", "site"))).toEqual(site);
    writeFileSync(file, good);
    expect(quickly(await settledBuild(project))).toBeUndefined();
  });

  it("takes the full build when its state is damaged or gone, and writes it again", async () => {
    const id = single[1]!;
    // One state per output folder, named by its path's hash.
    const state = join(project, ".casebook-cache", "quick", hashText(join(project, "dist")).slice(0, 24));
    expect(existsSync(join(state, "head.json"))).toBe(true);
    const entries = join(state, "entries.bin");
    const bytes = readFileSync(entries);
    writeFileSync(entries, bytes.subarray(0, bytes.length - 100));
    appendFileSync(md(project, id), "\nAfter a damaged state: bandicoot.\n");
    expect(quickly(await settledBuild(project))).toBeUndefined();
    appendFileSync(md(project, id), "\nThen quick again: potoroo.\n");
    expect(quickly(await settledBuild(project))).toEqual([id]);
    rmSync(state, { recursive: true, force: true });
    appendFileSync(md(project, id), "\nAfter a deleted state: wallaby.\n");
    expect(quickly(await settledBuild(project))).toBeUndefined();
    await expectFullBuildsSite(project);
  });

  it("keeps a state for each output folder", async () => {
    const [a, b] = [single[2]!, single[3]!];
    expect(quickly(await settledBuild(project, "--out", "second"))).toBeUndefined();
    appendFileSync(md(project, a), "\nFor both outputs: pademelon.\n");
    expect(quickly(await settledBuild(project))).toEqual([a]);
    expect(quickly(await settledBuild(project, "--out", "second"))).toEqual([a]);
    appendFileSync(md(project, b), "\nFor both outputs again: quokka.\n");
    expect(quickly(await settledBuild(project, "--out", "second"))).toEqual([b]);
    expect(quickly(await settledBuild(project))).toEqual([b]);
    await searchSettled(project);
    expect(snapshot(join(project, "second", "site"))).toEqual(snapshot(join(project, "dist", "site")));
  });

  it("is never taken without the cache", () => {
    appendFileSync(md(project, single[2]!), "\nWithout the cache: kowari.\n");
    expect(quickly(build(project, "--no-cache"))).toBeUndefined();
  });
});

describe("a search index in shards after a body edit", { timeout: 600_000 }, () => {
  it("makes again only the shard that holds the edited page, and ends with the index a full build writes", async () => {
    const { dir: project, ids } = generatedProject("shards", 16, 29);
    temp.push(project);
    // Shards of 3 pages: the generated casebook's searchable pages make several.
    const env = { ...ENV, CASEBOOK_SEARCH_SHARD_PAGES: "3" };
    const shardBuild = (...args: string[]) => {
      const run = runCli(["build", "--no-pdf", ...args], project, env);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      return run;
    };
    shardBuild();
    await searchSettled(project);
    const index = join(project, "dist", "site", "pagefind");
    expect((JSON.parse(readFileSync(join(index, "shards.json"), "utf8")) as { shards: unknown[] }).shards.length).toBeGreaterThan(2);
    const inodes = () => new Map([...snapshot(index).keys()].map((file) => [file, statSync(join(index, file)).ino]));
    const shardOf = (file: string) => (file.startsWith("shard-") ? file.split("/")[0]! : "shard-0");
    const before = inodes();

    const id = ids.find((x) => languagesOf(project, x).length === 1)!;
    appendFileSync(md(project, id), "\nA sentence added by the shard test: quokka.\n");
    expect(quickly(shardBuild())).toEqual([id]);
    await searchSettled(project);
    const after = inodes();
    // One shard made again (its files new), every other one the same files as before.
    const remade = new Set([...after].filter(([file, ino]) => file !== "shards.json" && before.get(file) !== ino).map(([file]) => shardOf(file)));
    expect(remade.size).toBe(1);
    const kept = [...before].filter(([file]) => file !== "shards.json" && !remade.has(shardOf(file)));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.filter(([file, ino]) => after.get(file) !== ino).map(([file]) => file)).toEqual([]);
    // And the index is the one a build without the cache writes, byte for byte.
    rmSync(join(project, "fresh"), { recursive: true, force: true });
    shardBuild("--no-cache", "--out", "fresh");
    expect(snapshot(join(project, "fresh", "site"))).toEqual(snapshot(join(project, "dist", "site")));
  });
});
