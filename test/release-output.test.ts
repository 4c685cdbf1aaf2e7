import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { manifestSchema } from "../src/release/manifest-schema.js";
import { EPOCHS, HISTORY, projectAt, release } from "./helpers/release-history.js";
import { runCli } from "./helpers/run-cli.js";
import { removeProjects, searchSettled } from "./helpers/remove-projects.js";

/**
 * Editions live in the output folder (`dist/releases/`), which `casebook build` replaces whole:
 * every build carries them over by a rename, and a release made before any build leaves an output
 * that a later build accepts. A previous edition may also be present by its manifest alone (what
 * the GitHub release workflow downloads): the changelog compares with it all the same.
 */
const temp: string[] = [];
afterAll(() => removeProjects(temp));
const project = (edition: string) => {
  const dir = projectAt(edition, mkdtempSync(join(tmpdir(), "casebook-release-output-")));
  temp.push(dir);
  return dir;
};
const build = (dir: string) => runCli(["build", "--no-pdf"], dir, { SOURCE_DATE_EPOCH: EPOCHS["2025"] });

/** Every file under `dir` by relative path: SHA-256, modification time and inode (a copy changes the last two). */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const stat = statSync(path);
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
      else files[`${prefix}${entry.name}`] = `${createHash("sha256").update(readFileSync(path)).digest("hex")} ${stat.mtimeMs} ${stat.ino}`;
    }
  };
  walk(dir, "");
  return files;
}

describe("casebook build keeps the released editions", () => {
  it("build, release 2024, build: the edition folder and its archive are still there, byte for byte, moved and not copied", async () => {
    const dir = project("2024");
    expect(build(dir)).toMatchObject({ code: 0 });
    expect(release(dir, "2024")).toMatchObject({ code: 0, stderr: "" });
    const releases = join(dir, "dist", "releases");
    const before = snapshot(releases);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(["2024.tar.gz", "2024/manifest.json", "2024/changelog.md", "2024/site/en/index.html"]));
    const folderInode = statSync(releases).ino;

    const rebuilt = build(dir);
    expect(rebuilt, rebuilt.stderr).toMatchObject({ code: 0 });
    expect(snapshot(releases)).toEqual(before);
    expect(statSync(releases).ino).toBe(folderInode);
    // The rest of the output is the new build's.
    expect(existsSync(join(dir, "dist", "site", "en", "index.html"))).toBe(true);
    // Nothing is left beside the output once the build's background search job (if any), which
    // takes the output's lock to swap its index in, has finished.
    await searchSettled(dir);
    expect(readdirSync(dir).filter((n) => /^\.dist\.(old|tmp|lock)/.test(n))).toEqual([]);
  });

  it("release first, then build: the output the release started is accepted, and the edition kept", () => {
    const dir = project("2024");
    expect(release(dir, "2024")).toMatchObject({ code: 0, stderr: "" });
    expect(readdirSync(join(dir, "dist")).sort()).toEqual([".casebook-output", "releases"]);
    const before = snapshot(join(dir, "dist", "releases"));

    const built = build(dir);
    expect(built, built.stderr).toMatchObject({ code: 0 });
    expect(snapshot(join(dir, "dist", "releases"))).toEqual(before);
    expect(readdirSync(join(dir, "dist")).sort()).toEqual([".casebook-output", "releases", "site"]);

    // And the next edition, released after the build, is compared with the first.
    projectAt("2025", dir);
    const next = release(dir, "2025");
    expect(next, next.stderr).toMatchObject({ code: 0 });
    expect(next.stdout).toContain("Changes since edition 2024: 1 added, 1 updated, 1 translated, 1 renamed, 0 withdrawn");
  });

  it("does not mark as Casebook's an output folder it did not start, so a build still refuses to replace it", () => {
    const dir = project("2024");
    mkdirSync(join(dir, "dist"));
    cpSync(join(HISTORY, "2024", "casebook.config.yaml"), join(dir, "dist", "notes.yaml"));
    expect(release(dir, "2024")).toMatchObject({ code: 0 });
    expect(existsSync(join(dir, "dist", ".casebook-output"))).toBe(false);
    const built = build(dir);
    expect(built.code).toBe(1);
    expect(built.stderr).toContain("was not written by Casebook");
    expect(existsSync(join(dir, "dist", "releases", "2024.tar.gz"))).toBe(true);
  });
});

describe("casebook release against an earlier edition present only by its manifest", () => {
  it("compares with it exactly as with the whole edition folder", () => {
    const first = project("2024");
    expect(release(first, "2024")).toMatchObject({ code: 0 });
    const dir = project("2025");
    // What the release workflow downloads from GitHub: dist/releases/<tag>/manifest.json, nothing else.
    mkdirSync(join(dir, "dist", "releases", "2024"), { recursive: true });
    cpSync(join(first, "dist", "releases", "2024", "manifest.json"), join(dir, "dist", "releases", "2024", "manifest.json"));

    const run = release(dir, "2025");
    expect(run, run.stderr).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("Changes since edition 2024: 1 added, 1 updated, 1 translated, 1 renamed, 0 withdrawn");
    const edition = join(dir, "dist", "releases", "2025");
    expect(readFileSync(join(edition, "changelog.md"), "utf8")).toBe(readFileSync(join(HISTORY, "expected", "2025.changelog.md"), "utf8"));
    const { artifacts, ...manifest } = manifestSchema.parse(JSON.parse(readFileSync(join(edition, "manifest.json"), "utf8")));
    expect(artifacts.length).toBeGreaterThan(0);
    expect(manifest).toEqual(JSON.parse(readFileSync(join(HISTORY, "expected", "2025.manifest.json"), "utf8")));
    // The banner still links to the earlier edition.
    expect(readFileSync(join(edition, "site", "en", "index.html"), "utf8")).toMatch(/editions\/2024\//);
  });
});
