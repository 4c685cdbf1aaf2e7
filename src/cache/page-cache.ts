import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Language } from "../../schema/languages.js";

/** What the site needs to know of a page besides its HTML. */
export interface PageMeta {
  path: string;
  file: string;
  lang: Language;
  searchable: boolean;
  alternates: Partial<Record<Language, string>>;
}

/** A cached page: its description and the cache file holding its HTML (with its device and inode). */
export interface CachedPage extends PageMeta {
  source: string;
  dev: number;
  ino: number;
}

interface EntryIndex {
  /** With the cache file's device and inode (entries written before they were kept lack them). */
  pages: (PageMeta & { size: number; mtimeMs: number; dev?: number; ino?: number })[];
}

/**
 * The rendered pages of each case, kept under a content key (see `casePageKey`). A page is stored
 * as a hard link to the file the build wrote (a copy across file systems), so keeping it costs no
 * extra disk, and it is placed into the next output the same way. Each use checks the file's size
 * and modification time, so a page edited in place in the output is never served from the cache.
 */
export class PageCache {
  readonly #used = new Set<string>();

  constructor(readonly dir: string) {}

  has(key: string): boolean {
    return existsSync(join(this.dir, key, "index.json"));
  }

  /**
   * The pages kept under `key`, or undefined when there are none or a file of them changed.
   * `held`: whether the output being updated holds this very file at the page's place, as checked
   * against its record (the same inode, so the same size and time); such a file is not looked at again.
   */
  lookup(key: string, held?: (file: string, identity: { dev: number; ino: number }) => boolean): CachedPage[] | undefined {
    const entry = join(this.dir, key);
    let index: EntryIndex;
    try {
      index = JSON.parse(readFileSync(join(entry, "index.json"), "utf8")) as EntryIndex;
    } catch {
      return undefined;
    }
    const pages: CachedPage[] = [];
    for (const [i, page] of index.pages.entries()) {
      const source = join(entry, `${i}.html`);
      const { size, mtimeMs, dev, ino, ...meta } = page;
      if (dev !== undefined && ino !== undefined && held?.(page.file, { dev, ino })) {
        pages.push({ ...meta, source, dev, ino });
        continue;
      }
      const stat = statSync(source, { throwIfNoEntry: false });
      if (!stat || stat.size !== size || stat.mtimeMs !== mtimeMs) return undefined;
      pages.push({ ...meta, source, dev: stat.dev, ino: stat.ino });
    }
    this.#used.add(key);
    return pages;
  }

  /**
   * Keeps the pages just written (`written` gives the file each page went to). The cache only saves
   * time: when it cannot be written (a full disk, or another build swapping the same entry at this
   * moment, whose pages are the same), the entry is left to that build or to the next one.
   */
  save(key: string, pages: readonly PageMeta[], written: (page: PageMeta) => string): void {
    const entry = join(this.dir, key);
    const temp = `${entry}.${process.pid}.tmp`;
    try {
      rmSync(temp, { recursive: true, force: true });
      mkdirSync(temp, { recursive: true });
      const index: EntryIndex = { pages: [] };
      for (const [i, page] of pages.entries()) {
        const target = join(temp, `${i}.html`);
        placeFile(written(page), target);
        const stat = statSync(target);
        const { path, file, lang, searchable, alternates } = page;
        index.pages.push({ path, file, lang, searchable, alternates, size: stat.size, mtimeMs: stat.mtimeMs, dev: stat.dev, ino: stat.ino });
      }
      writeFileSync(join(temp, "index.json"), JSON.stringify(index));
      rmSync(entry, { recursive: true, force: true });
      renameSync(temp, entry);
      this.#used.add(key);
    } catch {
      try {
        rmSync(temp, { recursive: true, force: true });
      } catch {
        // Nothing was made there.
      }
    }
  }

  /** Removes one entry (pages replaced by a build that does not prune). */
  drop(key: string): void {
    try {
      rmSync(join(this.dir, key), { recursive: true, force: true });
    } catch {
      // Left to the next build's prune.
    }
  }

  /** Removes the entries this build did not use: the cache holds one build's pages. */
  prune(): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) {
      if (this.#used.has(name)) continue;
      try {
        rmSync(join(this.dir, name), { recursive: true, force: true });
      } catch {
        // Another build is writing this entry right now: it stays until a later build prunes it.
      }
    }
  }
}

/** Hard-links `source` to `target`, or copies it where a link cannot be made. */
export function placeFile(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}
