import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RelatedCache } from "../src/cache/related-cache.js";
import type { CaseEntry } from "../src/link/casebook-model.js";
import { relatedIndex } from "../src/site/components/related-cases.js";
import { loadModel } from "./fixtures/print/book-checks.js";
import { ROOT } from "./helpers/run-cli.js";
import { removeProjects } from "./helpers/remove-projects.js";

const dir = mkdtempSync(join(tmpdir(), "casebook-related-cache-"));
afterAll(() => removeProjects([dir]));

const ids = (related: Map<string, CaseEntry[]>) => Object.fromEntries([...related].map(([id, others]) => [id, others.map((other) => other.id)]));

describe("the cache of related cases", () => {
  // The bundled sample casebook, linked as the build links it.
  const cases = [...loadModel(ROOT).cases];

  it("gives what relatedIndex gives, the same entries, and keeps one result", () => {
    const cache = new RelatedCache(join(dir, "same"), "shared");
    const first = cache.index(cases);
    expect(ids(first)).toEqual(ids(relatedIndex(cases)));
    expect(readdirSync(join(dir, "same"))).toHaveLength(1);
    const second = new RelatedCache(join(dir, "same"), "shared").index(cases);
    expect(ids(second)).toEqual(ids(first));
    // The entries are the casebook's own objects, not copies.
    const [id, others] = [...second].find(([, list]) => list.length > 0)!;
    expect(cases).toContain(others[0]);
    expect(id).toBeTruthy();
  });

  it("is read back: a kept result is used for the same cases and shared inputs", () => {
    const folder = join(dir, "kept");
    new RelatedCache(folder, "shared").index(cases);
    const [file] = readdirSync(folder);
    // Every case said to be related to the first one only: the cache, not a new choice, answers.
    const forged = cases.map((c) => [c.id, [cases[0]!.id]]);
    writeFileSync(join(folder, file!), JSON.stringify(forged));
    const answer = new RelatedCache(folder, "shared").index(cases);
    expect(new Set([...answer.values()].map((list) => list.map((c) => c.id).join()))).toEqual(new Set([cases[0]!.id]));
    // Other shared inputs (another Casebook, other vocabularies…) choose again.
    expect(ids(new RelatedCache(folder, "other").index(cases))).toEqual(ids(relatedIndex(cases)));
  });

  it("chooses again when what the choice reads changes, and drops the old result", () => {
    const folder = join(dir, "changed");
    new RelatedCache(folder, "shared").index(cases);
    const before = readdirSync(folder);
    // The last case takes the first one's models, sectors and host country.
    const last = cases.at(-1)!;
    const first = cases[0]!;
    const changed = cases.map((c) => (c === last ? { ...c, data: { ...c.data, models: first.data.models, sectors: first.data.sectors, countries: first.data.countries } } : c));
    const answer = new RelatedCache(folder, "shared").index(changed);
    expect(ids(answer)).toEqual(ids(relatedIndex(changed)));
    expect(ids(answer)).not.toEqual(ids(relatedIndex(cases)));
    const after = readdirSync(folder);
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
  });

  it("chooses again when the kept result does not fit the cases (unknown ids, a case missing, a bad file)", () => {
    const folder = join(dir, "broken");
    new RelatedCache(folder, "shared").index(cases);
    const [file] = readdirSync(folder);
    const path = join(folder, file!);
    const saved = JSON.parse(readFileSync(path, "utf8")) as [string, string[]][];
    for (const broken of [
      JSON.stringify(saved.map(([id, others]) => [id, [...others, "no-such-case"]])),
      JSON.stringify(saved.slice(1)),
      "{not json",
      JSON.stringify({ a: 1 }),
    ]) {
      writeFileSync(path, broken);
      expect(ids(new RelatedCache(folder, "shared").index(cases))).toEqual(ids(relatedIndex(cases)));
    }
  });
});
