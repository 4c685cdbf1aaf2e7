import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PageCache, type PageMeta } from "../src/cache/page-cache.js";
import { removeProjects } from "./helpers/remove-projects.js";

const dir = mkdtempSync(join(tmpdir(), "casebook-page-cache-"));
afterAll(() => removeProjects([dir]));

const page: PageMeta = { path: "/en/cases/a/", file: "en/cases/a/index.html", lang: "en", searchable: true, alternates: {} };

describe("the page cache", () => {
  it("keeps pages and gives them back while their files are unchanged", () => {
    const out = join(dir, "out");
    mkdirSync(join(out, "en", "cases", "a"), { recursive: true });
    writeFileSync(join(out, page.file), "<p>a</p>");
    const cache = new PageCache(join(dir, "cache"));
    cache.save("key", [page], (p) => join(out, p.file));
    expect(cache.lookup("key")?.map((p) => p.path)).toEqual([page.path]);
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
