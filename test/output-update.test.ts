import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markOutput, OUTPUT_MARKER, renewMarker } from "../src/build/atomic-output.js";
import { OutputChangedError, OutputUpdate } from "../src/build/output-update.js";
import { listOutput, readBuildRecord } from "../src/cache/build-record.js";
import { checkOutput } from "../src/cache/output-check.js";
import { markerStamp } from "../src/build/output-marker.js";
import { generatedProject } from "./helpers/generated-project.js";
import { removeProjects, searchSettled } from "./helpers/remove-projects.js";
import { ROOT, runCli } from "./helpers/run-cli.js";

// A build after a small change updates the previous output in place (src/build/output-update.ts):
// only what differs is renamed into it, the rest keeps its very files.

const ENV = { SOURCE_DATE_EPOCH: "1790000000" };
const temp: string[] = [];
afterAll(() => removeProjects(temp));

function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `casebook-update-${label}-`));
  temp.push(dir);
  return dir;
}

function build(project: string, ...args: string[]): void {
  const run = runCli(["build", "--no-pdf", ...args], project, ENV);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
}

/** Every file of a folder: relative path → [inode, bytes as base64]. */
function files(dir: string): Map<string, [bigint, string]> {
  const out = new Map<string, [bigint, string]>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(relative(dir, path), [statSync(path, { bigint: true }).ino, readFileSync(path).toString("base64")]);
  }
  return out;
}

/** The updated site holds exactly what a build without the cache writes, and the record says what the output holds. */
function expectLikeFreshBuild(project: string): void {
  rmSync(join(project, "fresh"), { recursive: true, force: true });
  build(project, "--no-cache", "--out", "fresh");
  const fresh = files(join(project, "fresh", "site"));
  const updated = files(join(project, "dist", "site"));
  expect([...updated.keys()].sort()).toEqual([...fresh.keys()].sort());
  expect([...fresh].filter(([file, [, bytes]]) => updated.get(file)?.[1] !== bytes).map(([file]) => file)).toEqual([]);
  const record = readBuildRecord(join(project, ".casebook-cache"), join(project, "dist"))!;
  const listing = listOutput(join(project, "dist"))!;
  expect(record.files).toEqual(listing.files);
  expect(record.folders).toEqual(listing.folders);
  // Nothing is left beside the output.
  expect(readdirSync(project).filter((name) => name.startsWith(".dist."))).toEqual([]);
}

describe("a build after a small change", () => {
  let project: string;
  let ids: string[];
  beforeAll(async () => {
    ({ dir: project, ids } = generatedProject("update-project", 12, 11));
    temp.push(project);
    build(project);
    await searchSettled(project);
  });

  it("rewrites only the edited case's pages and leaves every other file of the output as it was", async () => {
    const before = files(join(project, "dist"));
    const edited = ids[3]!;
    appendFileSync(join(project, "cases", edited, "en.md"), "\nA sentence added to check the update in place: updateinplace.\n");
    build(project);
    const after = files(join(project, "dist"));
    // Files whose inode changed: this case's pages only (the search index follows in the background).
    const replaced = [...after].filter(([file, [ino]]) => before.get(file)?.[0] !== ino && !file.startsWith(join("site", "pagefind"))).map(([file]) => file);
    expect(replaced.length).toBeGreaterThan(0);
    expect(replaced).toContain(join("site", "en", "cases", edited, "index.html"));
    expect(replaced.filter((file) => !file.includes(`${join("cases", edited)}/`)).filter((file) => file !== OUTPUT_MARKER)).toEqual([]);
    expect(readFileSync(join(project, "dist", "site", "en", "cases", edited, "index.html"), "utf8")).toContain("updateinplace");
    await searchSettled(project);
    expectLikeFreshBuild(project);
  });

  it("copies again an image changed in place, same size, and only that one, without reading the others", async () => {
    const owner = ids.find((id) => existsSync(join(project, "cases", id, "images")))!;
    const image = readdirSync(join(project, "cases", owner, "images")).sort()[0]!;
    const source = join(project, "cases", owner, "images", image);
    const copy = join(project, "dist", "site", "media", owner, "images", image);
    expect(readFileSync(copy)).toEqual(readFileSync(source));
    const before = files(join(project, "dist"));
    const bytes = readFileSync(source);
    const changed = Buffer.from(bytes.toString("latin1").replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10)), "latin1");
    expect(changed.length).toBe(bytes.length);
    expect(changed.equals(bytes)).toBe(false);
    writeFileSync(source, changed);
    build(project);
    expect(readFileSync(copy).equals(changed)).toBe(true);
    const after = files(join(project, "dist"));
    const media = [...after].filter(([file]) => file.startsWith(join("site", "media")));
    expect(media.filter(([file, [ino]]) => before.get(file)?.[0] !== ino).map(([file]) => file)).toEqual([relative(join(project, "dist"), copy)]);
    await searchSettled(project);
    expectLikeFreshBuild(project);
  });

  it("removes the pages, media and folders of a deleted case", async () => {
    const gone = ids.find((id) => existsSync(join(project, "cases", id, "images")))!;
    expect(gone).toBeDefined();
    expect(existsSync(join(project, "dist", "site", "media", gone))).toBe(true);
    rmSync(join(project, "cases", gone), { recursive: true });
    build(project);
    await searchSettled(project);
    for (const lang of ["en", "fr", "ru", "zh"]) expect(existsSync(join(project, "dist", "site", lang, "cases", gone))).toBe(false);
    expect(existsSync(join(project, "dist", "site", "media", gone))).toBe(false);
    expectLikeFreshBuild(project);
  });
});

/** An output folder holding `contents`, as a build leaves it. */
function output(contents: Record<string, string>): string {
  const out = join(tempDir("unit"), "dist");
  mkdirSync(out);
  markOutput(out);
  for (const [file, text] of Object.entries(contents)) {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), text);
  }
  return out;
}

describe("OutputUpdate", () => {
  it("applies new, changed, moved and removed files, and gives the output's exact listing", async () => {
    const out = output({ "site/a.html": "a", "site/b/index.html": "b", "site/gone/deep/x.html": "x", "site/was-file": "f", "site/was-folder/y.html": "y", "site/same.html": "same" });
    const update = new OutputUpdate(out, listOutput(out)!);
    const listing = await update.write(async () => {
      const site = update.siteFiles("site");
      site.write("a.html", "A");
      site.write("b/index.html", "b"); // the same bytes: kept
      site.write("same.html", "same");
      site.write("new/deeper/n.html", "n");
      site.write("was-file/z.html", "z");
      site.write("was-folder", "now a file");
      site.write("same.html", "changed once");
      site.write("same.html", "same"); // then back: the output's file stays
    });
    const now = files(out);
    const text = (file: string) => Buffer.from(now.get(file)![1], "base64").toString();
    expect([...now.keys()].sort()).toEqual([OUTPUT_MARKER, "site/a.html", "site/b/index.html", "site/new/deeper/n.html", "site/same.html", "site/was-file/z.html", "site/was-folder"].sort());
    expect([text("site/a.html"), text("site/b/index.html"), text("site/was-folder"), text("site/was-file/z.html"), text("site/same.html")]).toEqual(["A", "b", "now a file", "z", "same"]);
    expect(existsSync(join(out, "site", "gone"))).toBe(false);
    expect(listing).toEqual(listOutput(out));
    expect(readdirSync(dirname(out))).toEqual(["dist"]);
  });

  it("keeps a file placed from the same source (a hard link) without touching it", async () => {
    const out = output({});
    const cache = join(dirname(out), "cached.html");
    writeFileSync(cache, "cached page");
    mkdirSync(join(out, "site"));
    const { linkSync } = await import("node:fs");
    linkSync(cache, join(out, "site", "page.html"));
    const ino = statSync(join(out, "site", "page.html")).ino;
    const update = new OutputUpdate(out, listOutput(out)!);
    await update.write(async () => {
      update.siteFiles("site").place(cache, "page.html", statSync(cache));
    });
    expect(statSync(join(out, "site", "page.html")).ino).toBe(ino);
    expect(readdirSync(join(out, "site"))).toEqual(["page.html"]);
  });

  it("leaves the output as it was when the build fails", async () => {
    const out = output({ "site/a.html": "a", "site/b.html": "b" });
    const before = files(out);
    const update = new OutputUpdate(out, listOutput(out)!);
    await expect(
      update.write(async () => {
        update.siteFiles("site").write("a.html", "half");
        throw new Error("this build fails");
      }),
    ).rejects.toThrow("this build fails");
    expect(files(out)).toEqual(before);
    expect(readdirSync(dirname(out))).toEqual(["dist"]);
  });

  it("refuses to apply over an output another build replaced meanwhile", async () => {
    const out = output({ "site/a.html": "a" });
    const update = new OutputUpdate(out, listOutput(out)!);
    await expect(
      update.write(async () => {
        update.siteFiles("site").write("a.html", "mine");
        // Another build swaps in its own output (with its own marker) while this one writes.
        const other = `${out}-other`;
        mkdirSync(join(other, "site"), { recursive: true });
        markOutput(other);
        writeFileSync(join(other, "site", "a.html"), "theirs");
        renameSync(out, `${out}-old`);
        renameSync(other, out);
      }),
    ).rejects.toThrow(OutputChangedError);
    expect(readFileSync(join(out, "site", "a.html"), "utf8")).toBe("theirs");
  });

  it("refuses to apply over an output changed in place meanwhile (a search index swapped in)", async () => {
    const out = output({ "site/a.html": "a", "site/pagefind/p.js": "old index" });
    const update = new OutputUpdate(out, listOutput(out)!);
    await expect(
      update.write(async () => {
        update.siteFiles("site").write("a.html", "mine");
        writeFileSync(join(out, "site", "pagefind", "p.js"), "new index");
        renewMarker(out);
      }),
    ).rejects.toThrow(OutputChangedError);
    expect(readFileSync(join(out, "site", "a.html"), "utf8")).toBe("a");
  });

  it("refuses to apply over an output changed after it was checked, before the update began", async () => {
    const out = output({ "site/a.html": "a" });
    const check = checkOutput(out, listOutput(out)!);
    expect(check.intact).toBe(true);
    // A search index swapped in between the check (early in the build) and the update.
    renewMarker(out);
    const update = new OutputUpdate(out, listOutput(out)!, check.marker);
    await expect(update.write(async () => update.siteFiles("site").write("a.html", "mine"))).rejects.toThrow(OutputChangedError);
    expect(readFileSync(join(out, "site", "a.html"), "utf8")).toBe("a");
  });
});

describe("the check of a long output on a thread of its own", () => {
  it("says whether the output is as listed, as the calling thread does, with the marker read first", async () => {
    // The compiled module (lib/, built by the suite's setup), whose worker file exists beside it.
    const { startOutputCheck } = (await import(pathToFileURL(join(ROOT, "lib/src/cache/output-check.js")).href)) as typeof import("../src/cache/output-check.js");
    const contents: Record<string, string> = {};
    for (let i = 0; i < 5000; i++) contents[`site/p${i % 50}/f${i}.html`] = String(i);
    const out = output(contents);
    const listing = listOutput(out)!;
    expect(listing.files.length).toBeGreaterThan(4000);
    expect(await startOutputCheck(out, listing)).toEqual({ intact: true, marker: markerStamp(out) });
    appendFileSync(join(out, "site", "p7", "f4007.html"), "!");
    expect(await startOutputCheck(out, listing)).toEqual({ intact: false, marker: markerStamp(out) });
    expect(checkOutput(out, listing).intact).toBe(false);
  });
});
