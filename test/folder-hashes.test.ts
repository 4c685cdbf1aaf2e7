import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FolderHashes } from "../src/cache/folder-hashes.js";
import { treeHash } from "../src/cache/hash-tree.js";
import { removeProjects } from "./helpers/remove-projects.js";

const dir = mkdtempSync(join(tmpdir(), "casebook-folder-hashes-"));
afterAll(() => removeProjects([dir]));

let n = 0;
/** A case folder with a Markdown file and an image. */
function caseFolder(): string {
  const folder = join(dir, `case-${++n}`);
  mkdirSync(join(folder, "images"), { recursive: true });
  writeFileSync(join(folder, "en.md"), "---\ntitle: A\n---\nBody one.\n");
  writeFileSync(join(folder, "images", "a.svg"), "<svg/>");
  return folder;
}

/**
 * Records the folders' hashes, then rewrites the record as if it had been taken `laterMs` after
 * the files were written (so they are not "racy"), with every hash replaced by a marker: a
 * folder the next run trusts gives back the marker, one it reads again gives its real hash.
 */
function recordWithMarkers(store: string, folders: string[], laterMs: number): void {
  const hashes = new FolderHashes(store);
  for (const folder of folders) expect(hashes.hash(folder, folder)).toBe(treeHash(folder));
  hashes.save();
  const saved = JSON.parse(readFileSync(store, "utf8")) as { at: number; folders: Record<string, { hash: string }> };
  saved.at += laterMs;
  for (const entry of Object.values(saved.folders)) entry.hash = "marker";
  writeFileSync(store, JSON.stringify(saved));
}

describe("content hashes of case folders kept between builds", () => {
  it("trusts a folder whose files are untouched, and reads again one whose file changed, even at the same size and modification time", () => {
    const store = join(dir, "store-1.json");
    const untouched = caseFolder();
    const edited = caseFolder();
    recordWithMarkers(store, [untouched, edited], 10_000);
    const file = join(edited, "en.md");
    const { atime, mtime, size } = statSync(file);
    writeFileSync(file, "---\ntitle: B\n---\nBody one.\n");
    utimesSync(file, atime, mtime);
    expect(statSync(file).size).toBe(size);
    const next = new FolderHashes(store);
    expect(next.hash(untouched, untouched)).toBe("marker");
    expect(next.hash(edited, edited)).toBe(treeHash(edited));
    expect(next.hash(edited, edited)).not.toBe("marker");
  });

  it("reads again a folder with a file added, removed or renamed, at any depth", () => {
    const store = join(dir, "store-2.json");
    const [added, removed, renamed, nested] = [caseFolder(), caseFolder(), caseFolder(), caseFolder()];
    recordWithMarkers(store, [added, removed, renamed, nested], 10_000);
    mkdirSync(join(nested, "images", "more"));
    writeFileSync(join(nested, "images", "more", "c.svg"), "<svg/>");
    writeFileSync(join(added, "fr.md"), "---\ntitle: A\n---\n");
    rmSync(join(removed, "images", "a.svg"));
    writeFileSync(join(renamed, "images", "b.svg"), readFileSync(join(renamed, "images", "a.svg")));
    rmSync(join(renamed, "images", "a.svg"));
    const next = new FolderHashes(store);
    for (const folder of [added, removed, renamed, nested]) expect(next.hash(folder, folder)).toBe(treeHash(folder));
  });

  it("does not trust files written within two seconds of the record (same clock tick)", () => {
    const store = join(dir, "store-3.json");
    const fresh = caseFolder();
    recordWithMarkers(store, [fresh], 0);
    expect(new FolderHashes(store).hash(fresh, fresh)).toBe(treeHash(fresh));
  });

  it("ignores a missing or broken record", () => {
    const store = join(dir, "store-4.json");
    writeFileSync(store, "{not json");
    const folder = caseFolder();
    expect(new FolderHashes(store).hash(folder, folder)).toBe(treeHash(folder));
  });
});
