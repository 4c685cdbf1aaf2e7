import { appendFileSync, copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCasebook } from "../bench/generate-cases.js";
import { PreviewSite } from "../src/dev/preview-site.js";
import { ROOT, runCli } from "./helpers/run-cli.js";
import { removeProjects } from "./helpers/remove-projects.js";

// The preview stamps pages with the build date: a fixed one lets two previews be compared byte for byte.
const epoch = process.env["SOURCE_DATE_EPOCH"];
beforeAll(() => void (process.env["SOURCE_DATE_EPOCH"] = "1790000000"));
const temp: string[] = [];
afterAll(() => {
  if (epoch === undefined) delete process.env["SOURCE_DATE_EPOCH"];
  else process.env["SOURCE_DATE_EPOCH"] = epoch;
  return removeProjects(temp);
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temp.push(dir);
  return dir;
}

/** 14 generated cases, their files dated an hour ago (so that the preview may trust their times). */
function makeProject(): string {
  const project = tempDir("casebook-preview-");
  copyFileSync(join(ROOT, "casebook.config.yaml"), join(project, "casebook.config.yaml"));
  cpSync(join(ROOT, "schema", "vocabularies"), join(project, "schema", "vocabularies"), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(project, "node_modules"));
  generateCasebook({ count: 14, seed: 11, dir: join(project, "cases") });
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const entry of readdirSync(join(project, "cases"), { withFileTypes: true, recursive: true }))
    if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), hourAgo, hourAgo);
  return project;
}

/** Every file of a folder but the search index: relative path → bytes. */
function pages(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (entry.isFile() && !path.startsWith("pagefind")) out.set(path, readFileSync(join(dir, path)).toString("base64"));
  }
  return out;
}

/**
 * What a preview started now shows of the project. Pagefind runs one service per process: call it
 * only when the preview under test has settled, or the two indexes would share it.
 */
async function freshPreview(project: string): Promise<Map<string, string>> {
  const dir = tempDir("casebook-preview-fresh-");
  const fresh = new PreviewSite(project, dir);
  expect((await fresh.update()).ok).toBe(true);
  // Its search index is not compared, and must not share Pagefind with the preview under test.
  await fresh.stop();
  return pages(dir);
}

/** The texts Pagefind holds for the pages it indexed, in every shard (its fragments are gzipped JSON). */
function indexedText(dir: string): string {
  return readdirSync(join(dir, "pagefind"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".pf_fragment"))
    .map((entry) => gunzipSync(readFileSync(join(entry.parentPath, entry.name))).toString("utf8"))
    .join("\n");
}

describe("the live preview's updates", () => {
  let project: string;
  let dir: string;
  let preview: PreviewSite;
  let ids: string[];
  beforeAll(async () => {
    project = makeProject();
    dir = tempDir("casebook-preview-site-");
    preview = new PreviewSite(project, dir);
    const first = await preview.update();
    expect(first.ok).toBe(true);
    expect(first.full).toBe(true);
    ids = readdirSync(join(project, "cases")).sort();
  }, 120_000);
  const caseFile = (id: string) => join(project, "cases", id, "en.md");

  it("renders only the edited case after a body edit, and shows what a fresh preview shows; search follows", async () => {
    const id = ids[5]!;
    appendFileSync(caseFile(id), "\nA sentence added by the preview test: wombat.\n");
    const result = await preview.update([caseFile(id)]);
    expect(result.ok).toBe(true);
    expect(result.full).toBe(false);
    expect(result.updated).toEqual([id]);
    expect(readFileSync(join(dir, "en", "cases", id, "index.html"), "utf8")).toContain("wombat");
    await preview.settled();
    expect(indexedText(dir)).toContain("wombat");
    expect(pages(dir)).toEqual(await freshPreview(project));
  }, 120_000);

  it("renders the pages that show a case again when its title changes, before the search index follows", async () => {
    const id = ids[6]!;
    const showing = ids.filter((other) => {
      const html = readFileSync(join(dir, "en", "cases", other, "index.html"), "utf8");
      return other !== id && html.slice(html.indexOf('<aside class="case-aside"')).includes(`href="/en/cases/${id}/"`);
    });
    expect(showing.length).toBeGreaterThan(0);
    writeFileSync(caseFile(id), readFileSync(caseFile(id), "utf8").replace(/^title: .*$/m, "title: A case retitled by the preview test"));
    const result = await preview.update([caseFile(id)]);
    expect(result.full).toBe(false);
    expect(result.updated).toEqual(expect.arrayContaining([id, ...showing]));
    expect(result.updated.length).toBeLessThan(ids.length);
    // The pages are right as soon as the update returns: only the search index is left to the background.
    for (const other of showing) expect(readFileSync(join(dir, "en", "cases", other, "index.html"), "utf8")).toContain("A case retitled by the preview test");
    expect(readFileSync(join(dir, "en", "cases", "index.html"), "utf8")).toContain("A case retitled by the preview test");
    await preview.settled();
    expect(indexedText(dir)).toContain("A case retitled by the preview test");
    expect(pages(dir)).toEqual(await freshPreview(project));
  }, 120_000);

  it("chooses the related cases again when a case links to another one", async () => {
    const [from, to] = [ids[7]!, ids[12]!];
    const before = readFileSync(join(dir, "en", "cases", to, "index.html"), "utf8");
    expect(before.slice(before.indexOf('<aside class="case-aside"'))).not.toContain(`href="/en/cases/${from}/"`);
    appendFileSync(caseFile(from), `\nSee also [this other case](case:${to}).\n`);
    const result = await preview.update([caseFile(from)]);
    expect(result.updated).toEqual(expect.arrayContaining([from, to]));
    // Linked cases come first among related ones: the target's page now names the case linking to it.
    const after = readFileSync(join(dir, "en", "cases", to, "index.html"), "utf8");
    expect(after.slice(after.indexOf('<aside class="case-aside"'))).toContain(`href="/en/cases/${from}/"`);
    await preview.settled();
    expect(pages(dir)).toEqual(await freshPreview(project));
  }, 120_000);

  it("sees a file changed on disk that the watcher did not name, and an asset replaced under the same name", async () => {
    const id = ids[2]!;
    appendFileSync(caseFile(id), "\nAnother sentence, not reported by the watcher: numbat.\n");
    const pictured = ids.find((other) => other !== id && existsSync(join(project, "cases", other, "images")))!;
    const images = join(project, "cases", pictured, "images");
    const image = readdirSync(images).find((name) => name.endsWith(".svg"))!;
    writeFileSync(join(images, image), readFileSync(join(images, image), "utf8").replace("</svg>", "<!-- replaced by the preview test --></svg>"));
    const result = await preview.update([join(images, image)]);
    expect(result.ok).toBe(true);
    expect(result.updated).toEqual(expect.arrayContaining([id, pictured]));
    expect(readFileSync(join(dir, "en", "cases", id, "index.html"), "utf8")).toContain("numbat");
    const published = readdirSync(dir, { recursive: true }).map(String).filter((path) => path.includes(pictured) && path.endsWith(image));
    expect(published.length).toBeGreaterThan(0);
    for (const path of published) expect(readFileSync(join(dir, path), "utf8")).toContain("replaced by the preview test");
    await preview.settled();
    expect(pages(dir)).toEqual(await freshPreview(project));
  }, 120_000);

  it("reports errors, keeps the pages it has, and recovers when the file is fixed", async () => {
    const id = ids[4]!;
    const good = readFileSync(caseFile(id), "utf8");
    writeFileSync(caseFile(id), good.replace(/^direction: .*$/m, "direction: sideways"));
    const broken = await preview.update([caseFile(id)]);
    expect(broken.ok).toBe(false);
    expect(broken.diagnostics.map((d) => d.ruleId)).toContain("vocabulary-unknown-term");
    writeFileSync(caseFile(id), good.replace(/\n$/, "\nFixed again: quoll.\n"));
    const fixed = await preview.update([caseFile(id)]);
    expect(fixed.ok).toBe(true);
    expect(fixed.updated).toEqual([id]);
    expect(readFileSync(join(dir, "en", "cases", id, "index.html"), "utf8")).toContain("quoll");
    await preview.settled();
    expect(pages(dir)).toEqual(await freshPreview(project));
  }, 120_000);

  it("renders a case and the listings again when a translation is added, and drops a case that is removed", async () => {
    const id = ids.find((other) => readdirSync(join(project, "cases", other)).filter((f) => f.endsWith(".md")).length === 1 && existsSync(caseFile(other)))!;
    const run = runCli(["new", id, "--translate", "--lang", "ru"], project);
    expect(run.code).toBe(0);
    const added = await preview.update([join(project, "cases", id, "ru.md")]);
    expect(added.ok).toBe(true);
    expect(added.full).toBe(false);
    expect(added.updated).toContain(id);
    await preview.settled();
    expect(pages(dir)).toEqual(await freshPreview(project));

    const removed = ids.find((other) => other !== id && !readFileSync(join(dir, "en", "cases", other, "index.html"), "utf8").includes("A case retitled"))!;
    rmSync(join(project, "cases", removed), { recursive: true });
    ids = ids.filter((other) => other !== removed);
    const after = await preview.update([join(project, "cases", removed, "en.md")]);
    expect(after.ok).toBe(true);
    expect(existsSync(join(dir, "en", "cases", removed))).toBe(false);
    await preview.settled();
    expect(pages(dir)).toEqual(await freshPreview(project));
  }, 180_000);

  it("builds everything again when a case is added", async () => {
    const added = join(project, "cases", "zz-added-by-the-preview-test");
    cpSync(join(project, "cases", ids[0]!), added, { recursive: true });
    const result = await preview.update([added]);
    expect(result.ok).toBe(true);
    expect(result.full).toBe(true);
    expect(existsSync(join(dir, "en", "cases", "zz-added-by-the-preview-test", "index.html"))).toBe(true);
    // The pages are served at once; until the new index lands, the previous one stays in place.
    expect(indexedText(dir)).not.toContain("zz-added-by-the-preview-test");
    await preview.settled();
    expect(indexedText(dir)).toContain("/en/cases/zz-added-by-the-preview-test/");
    expect(pages(dir)).toEqual(await freshPreview(project));
  }, 180_000);
});

describe("the live preview's search index in shards", () => {
  it("makes again only the shard that holds an edited page", async () => {
    const saved = process.env["CASEBOOK_SEARCH_SHARD_PAGES"];
    process.env["CASEBOOK_SEARCH_SHARD_PAGES"] = "3";
    const project = makeProject();
    const dir = tempDir("casebook-preview-shards-");
    const preview = new PreviewSite(project, dir);
    try {
      expect((await preview.update()).ok).toBe(true);
      await preview.settled();
      const index = join(dir, "pagefind");
      const inodes = () => new Map(readdirSync(index, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [relative(index, join(e.parentPath, e.name)), statSync(join(e.parentPath, e.name)).ino]));
      const shardOf = (file: string) => (file.startsWith("shard-") ? file.split("/")[0]! : "shard-0");
      const before = inodes();
      expect(new Set([...before.keys()].map(shardOf)).size).toBeGreaterThan(2);
      // A case in one language: its one searchable page is in one shard.
      const id = readdirSync(join(project, "cases")).sort().find((c) => readdirSync(join(project, "cases", c)).filter((f) => f.endsWith(".md")).length === 1)!;
      const file = join(project, "cases", id, readdirSync(join(project, "cases", id)).find((f) => f.endsWith(".md"))!);
      appendFileSync(file, "\nA sentence added by the preview test: numbat.\n");
      expect((await preview.update([file])).updated).toEqual([id]);
      await preview.settled();
      expect(indexedText(dir)).toContain("numbat");
      const after = inodes();
      const remade = new Set([...after].filter(([path, ino]) => path !== "shards.json" && before.get(path) !== ino).map(([path]) => shardOf(path)));
      expect(remade.size).toBe(1);
      const kept = [...before].filter(([path]) => path !== "shards.json" && !remade.has(shardOf(path)));
      expect(kept.filter(([path, ino]) => after.get(path) !== ino).map(([path]) => path)).toEqual([]);
    } finally {
      await preview.stop();
      if (saved === undefined) delete process.env["CASEBOOK_SEARCH_SHARD_PAGES"];
      else process.env["CASEBOOK_SEARCH_SHARD_PAGES"] = saved;
    }
  }, 120_000);
});
