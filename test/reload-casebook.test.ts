import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCasebook } from "../bench/generate-cases.js";
import { loadCasebook } from "../src/load/load-casebook.js";
import { CasebookReloader } from "../src/load/reload-casebook.js";
import { removeProjects } from "./helpers/remove-projects.js";

const dir = mkdtempSync(join(tmpdir(), "casebook-reload-"));
afterAll(() => removeProjects([dir]));
const cases = join(dir, "cases");
generateCasebook({ count: 6, seed: 3, dir: cases });
const hourAgo = new Date(Date.now() - 3_600_000);
for (const entry of readdirSync(cases, { withFileTypes: true, recursive: true })) if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), hourAgo, hourAgo);
const ids = readdirSync(cases).sort();
const file = (id: string) => join(cases, id, "en.md");

/** The loaded texts by file, as a full load gives them (what a reload must equal). */
const texts = (loaded: ReturnType<typeof loadCasebook>) => loaded.files.map((f) => [f.ref.display, f.source?.text]);

describe("reloading a casebook", () => {
  const reloader = new CasebookReloader(cases, dir);
  const first = reloader.load();

  it("reuses what did not change and reads again what the watcher named or what changed on disk", () => {
    const same = reloader.load([]);
    expect(same.files.map((f, i) => f === first.files[i])).toEqual(first.files.map(() => true));
    expect(same.assets).toEqual(first.assets);

    appendFileSync(file(ids[1]!), "\nAppended, and not named: kiwi.\n");
    const again = reloader.load([file(ids[0]!)]);
    const changed = again.files.filter((f, i) => f !== first.files[i]).map((f) => f.ref.path);
    expect(changed).toEqual([file(ids[0]!), file(ids[1]!)]);
    expect(texts(again)).toEqual(texts(loadCasebook(cases, dir)));

    // Modified a moment before it was read: it could change again within the same clock tick and
    // keep its size and times, so it is not trusted until it is older.
    const third = reloader.load([]);
    expect(third.files.filter((f, i) => f !== again.files[i]).map((f) => f.ref.path)).toEqual([file(ids[1]!)]);
  });

  it("lists the folders again when a case file appears or disappears", () => {
    cpSync(join(cases, ids[2]!), join(cases, "a-copied-case"), { recursive: true });
    const added = reloader.load([join(cases, "a-copied-case", "en.md")]);
    expect(added.files.map((f) => f.ref.id)).toContain("a-copied-case");
    expect(texts(added)).toEqual(texts(loadCasebook(cases, dir)));

    rmSync(join(cases, "a-copied-case"), { recursive: true });
    const removed = reloader.load([join(cases, "a-copied-case", "en.md")]);
    expect(removed.files.map((f) => f.ref.id)).not.toContain("a-copied-case");
    expect(removed.diagnostics).toEqual(loadCasebook(cases, dir).diagnostics);
  });
});
