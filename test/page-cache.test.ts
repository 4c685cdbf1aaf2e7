import { mkdirSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PageCache, type PageMeta } from "../src/cache/page-cache.js";
import { removeProjects } from "./helpers/remove-projects.js";

const dir = mkdtempSync(join(tmpdir(), "casebook-page-cache-"));
afterAll(() => removeProjects([dir]));

const page: PageMeta = { path: "/en/cases/a/", file: "en/cases/a/index.html", lang: "en", searchable: true, alternates: {} };

/** A page written into an output folder `name` and kept under "key" in a cache of its own. */
function savedPage(name: string): { out: string; cache: PageCache } {
  const out = join(dir, name);
  mkdirSync(join(out, "en", "cases", "a"), { recursive: true });
  writeFileSync(join(out, page.file), "<p>a</p>");
  const cache = new PageCache(join(dir, `${name}-cache`));
  cache.save("key", [page], (p) => join(out, p.file));
  return { out, cache };
}

describe("the page cache", () => {
  it("keeps pages and gives them back while their files are unchanged", () => {
    const { cache } = savedPage("out");
    expect(cache.lookup("key")?.map((p) => p.path)).toEqual([page.path]);
  });

  it("looks at a kept file again unless the output being updated holds that very file", () => {
    const { out, cache } = savedPage("held");
    const kept = statSync(join(out, page.file));
    const asked: [string, number][] = [];
    const held = (file: string, identity: { dev: number; ino: number }) => {
      asked.push([file, identity.ino]);
      return identity.dev === kept.dev && identity.ino === kept.ino;
    };
    expect(cache.lookup("key", held)?.map((p) => [p.path, p.ino])).toEqual([[page.path, kept.ino]]);
    expect(asked).toEqual([[page.file, kept.ino]]);
    // The cache's file changed (a link of it edited elsewhere): only a look at it finds out.
    writeFileSync(join(out, page.file), "<p>changed</p>");
    expect(cache.lookup("key")).toBeUndefined();
    expect(cache.lookup("key", () => false)).toBeUndefined();
    expect(cache.lookup("key", held)).toBeDefined();
  });

  it("never fails a build when it cannot be written: the pages simply are not kept", () => {
    const blocked = join(dir, "a-file");
    writeFileSync(blocked, "not a folder");
    const cache = new PageCache(join(blocked, "pages"));
    expect(() => cache.save("key", [page], () => join(dir, "missing.html"))).not.toThrow();
    expect(cache.lookup("key")).toBeUndefined();
    expect(() => cache.prune()).not.toThrow();
  });
});
