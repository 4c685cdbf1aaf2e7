import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { CaseEntry } from "../link/casebook-model.js";
import { relatedIndex, relatedInputs } from "../site/components/related-cases.js";
import { hashText } from "./hash-tree.js";
import { replaceFile } from "./replace-file.js";

/**
 * The related cases of every case (`relatedIndex`), kept between builds under a key made of what the
 * choice reads: each case's number, id, models, sectors, host country and links, and the shared
 * inputs (Casebook's own code among them). An edit that changes none of these, such as a body's
 * prose, takes the choice from here instead of scoring every case again (about 0.2 s at 4,000
 * cases). One result is kept: the folder holds the last build's.
 */
export class RelatedCache {
  constructor(
    readonly dir: string,
    readonly shared: string,
  ) {}

  /** `relatedIndex(cases, count)`, from the cache when it holds the result for these cases. */
  index(cases: readonly CaseEntry[], count = 4): Map<string, CaseEntry[]> {
    const name = `${hashText("related", this.shared, String(count), ...cases.map((c) => `${c.number}\0${c.id}\0${relatedInputs(c)}`)).slice(0, 40)}.json`;
    const kept = this.#read(join(this.dir, name), cases);
    if (kept) return kept;
    const related = relatedIndex(cases, count);
    this.#write(name, related);
    return related;
  }

  #read(file: string, cases: readonly CaseEntry[]): Map<string, CaseEntry[]> | undefined {
    let saved: [string, string[]][];
    try {
      saved = JSON.parse(readFileSync(file, "utf8")) as [string, string[]][];
    } catch {
      return undefined;
    }
    const byId = new Map(cases.map((c) => [c.id, c]));
    const related = new Map<string, CaseEntry[]>();
    for (const [id, others] of Array.isArray(saved) ? saved : []) {
      const entries = Array.isArray(others) ? others.map((other) => byId.get(other)) : [undefined];
      if (!byId.has(id) || entries.some((entry) => entry === undefined)) return undefined;
      related.set(id, entries as CaseEntry[]);
    }
    // Every case must have its entry (an empty list is an answer too).
    return related.size === cases.length ? related : undefined;
  }

  /** Writes the result atomically and drops the others. A failure only costs time next build. */
  #write(name: string, related: ReadonlyMap<string, readonly CaseEntry[]>): void {
    try {
      replaceFile(join(this.dir, name), JSON.stringify(relatedIds(related)));
      for (const other of readdirSync(this.dir)) if (other !== name && !other.endsWith(".tmp")) rmSync(join(this.dir, other), { force: true });
    } catch {
      // An unwritable cache folder must not fail the build.
    }
  }
}

/** The related cases of each case by id, as kept on disk. */
export function relatedIds(related: ReadonlyMap<string, readonly CaseEntry[]>): [string, string[]][] {
  return [...related].map(([id, others]) => [id, others.map((other) => other.id)]);
}
