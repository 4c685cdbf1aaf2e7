import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { CaseAssetListing } from "../load/list-case-assets.js";
import type { ValidatedFile } from "../validate/validate-file.js";
import { hashText, newHash } from "./hash-tree.js";

/** What validation found of a file, besides its diagnostics (see `ValidatedFile`). */
export type FileFindings = Pick<ValidatedFile, "isTranslation" | "original" | "translation" | "references">;

/** What loading and validating one clean case file gave, without its text (read again, and checked). */
export interface LoadedFileRecord extends FileFindings {
  path: string;
  /** The hash of the text this was made from (see `textHash`). */
  text: string;
  yamlOffset: number;
  yamlEnd: number;
  bodyOffset: number;
  data: Record<string, unknown>;
}

/** A case folder as loaded and validated: its clean files, and the listing of its assets. */
export interface LoadedCaseRecord {
  files: LoadedFileRecord[];
  assets: CaseAssetListing;
}

/** The hash a file record keeps of its text. */
export function textHash(text: string): string {
  return newHash().update(text).digest("base64");
}

/**
 * Each case folder's loaded and validated files, kept between builds under the folder's content
 * hash and the shared inputs (Casebook, vocabularies, the year…): a build after a one-case edit
 * reads the other cases' texts but does not split, parse or validate them again (about 2 s at
 * 4,000 cases). Only files without a diagnostic of their own are kept; the rules that look across
 * files run on every build.
 */
export class LoadCache {
  readonly #used = new Set<string>();
  readonly #pending = new Map<string, LoadedCaseRecord>();
  #present: boolean | undefined;

  constructor(
    readonly dir: string,
    readonly shared: string,
  ) {}

  #key(folder: string, hash: string): string {
    return hashText("loaded", this.shared, folder, hash).slice(0, 40);
  }

  get(folder: string, hash: string): LoadedCaseRecord | undefined {
    // A first build has no records: one look at the folder instead of a failed read per case.
    this.#present ??= existsSync(this.dir);
    if (!this.#present) return undefined;
    const key = this.#key(folder, hash);
    try {
      const record = deserialize(readFileSync(join(this.dir, key))) as LoadedCaseRecord;
      this.#used.add(key);
      return record;
    } catch {
      return undefined;
    }
  }

  /** Keeps a case's record, written by `flush` (only once the build goes on to write its output). */
  set(folder: string, hash: string, record: LoadedCaseRecord): void {
    const key = this.#key(folder, hash);
    this.#used.add(key);
    this.#pending.set(key, record);
  }

  /**
   * Writes the records kept since the last flush, each atomically, while the build goes on (the
   * writes run on libuv's threads). A failure only costs speed next time.
   */
  async flush(): Promise<void> {
    const pending = [...this.#pending];
    this.#pending.clear();
    if (pending.length === 0) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      this.#present = true;
    } catch {
      return;
    }
    await Promise.all(
      pending.map(async ([key, record]) => {
        const file = join(this.dir, key);
        const temp = `${file}.${process.pid}.tmp`;
        try {
          await writeFile(temp, serialize(record));
          await rename(temp, file);
        } catch {
          await rm(temp, { force: true });
        }
      }),
    );
  }

  /** Removes the records this build did not use: the cache holds one build's cases. */
  prune(): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) if (!this.#used.has(name)) rmSync(join(this.dir, name), { force: true });
  }
}
