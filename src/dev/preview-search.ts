import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { indexRecord, shardsIfCurrent, type IndexRecord } from "../search/index-record.js";
import { SearchIndexer } from "../search/search-index.js";
import { changedShards, linkShard } from "../search/search-shards.js";

type SearchPage = { path: string; file: string };

/**
 * The preview's search index, made again in the background after an update: the pages are read
 * back from the preview's folder, Pagefind writes a new index beside the old one, and it is
 * swapped in. An update made meanwhile does not wait: the index being made is dropped and made
 * again from the newest pages, so the index that lands is never older than the pages.
 */
export class PreviewSearch {
  #wanted: SearchPage[] | undefined;
  #generation = 0;
  #running: Promise<void> | undefined;
  #active: SearchIndexer | undefined;
  /** What the last index this preview made was made from (see index-record.ts). */
  #record: IndexRecord | undefined;

  constructor(
    readonly siteDir: string,
    /** Told when an index lands: how many pages it holds and how long it took. */
    readonly onIndexed?: (pages: number, ms: number) => void,
  ) {}

  /** Makes the index of these pages (the newest call wins). */
  refresh(pages: SearchPage[]): void {
    this.#wanted = pages;
    this.#generation++;
    this.#running ??= this.#loop();
  }

  /**
   * Drops the index being made, if any, and waits until Pagefind has stopped. Pagefind is closed at
   * once, even while it writes (tens of seconds for thousands of cases): nothing of it is kept.
   */
  async stop(): Promise<void> {
    this.#wanted = undefined;
    this.#generation++;
    await this.#active?.abort();
    await this.#running;
  }

  /** Moves the current index out of the preview's folder (before the folder is made again). */
  keepIndex(): string | undefined {
    const live = join(this.siteDir, "pagefind");
    if (!existsSync(live)) return undefined;
    const kept = `${this.siteDir}.pagefind-kept`;
    rmSync(kept, { recursive: true, force: true });
    renameSync(live, kept);
    return kept;
  }

  /** Puts an index kept by `keepIndex` back, until the new one replaces it (or drops it, if there is no folder to put it in). */
  restoreIndex(kept: string | undefined): void {
    if (!kept) return;
    const live = join(this.siteDir, "pagefind");
    if (existsSync(this.siteDir) && !existsSync(live)) renameSync(kept, live);
    else rmSync(kept, { recursive: true, force: true });
  }

  settled(): Promise<void> {
    return this.#running ?? Promise.resolve();
  }

  async #loop(): Promise<void> {
    try {
      while (this.#wanted) {
        const pages = this.#wanted;
        this.#wanted = undefined;
        try {
          await this.#index(pages, this.#generation);
        } catch {
          // The preview keeps its previous index; the next update tries again.
        }
      }
    } finally {
      this.#running = undefined;
    }
  }

  async #index(pages: readonly SearchPage[], generation: number): Promise<void> {
    const started = performance.now();
    // As the build's background job: only the shards whose pages changed are made again.
    const only = changedShards(shardsIfCurrent(this.#record, join(this.siteDir, "pagefind")), pages, (page) => readFileSync(join(this.siteDir, page.file), "utf8"));
    const search = new SearchIndexer(pages.length, only);
    this.#active = search;
    try {
      if (await this.#indexWith(search, pages, generation)) this.onIndexed?.(pages.length, performance.now() - started);
    } finally {
      this.#active = undefined;
    }
  }

  /** Makes the index and swaps it in; false when a newer update dropped it. */
  async #indexWith(search: SearchIndexer, pages: readonly SearchPage[], generation: number): Promise<boolean> {
    const current = () => this.#generation === generation;
    let skipped = false;
    for (const page of pages) {
      if (!current()) {
        await search.abort();
        return false;
      }
      let html: string;
      try {
        html = readFileSync(join(this.siteDir, page.file), "utf8");
      } catch {
        skipped = true;
        continue;
      }
      await search.add(page.path, html);
    }
    const next = join(this.siteDir, ".pagefind-next");
    rmSync(next, { recursive: true, force: true });
    await search.writeTo(next, (n, target) => linkShard(join(this.siteDir, "pagefind"), n, target));
    if (!current()) {
      rmSync(next, { recursive: true, force: true });
      return false;
    }
    const live = join(this.siteDir, "pagefind");
    const old = join(this.siteDir, ".pagefind-old");
    rmSync(old, { recursive: true, force: true });
    if (existsSync(live)) renameSync(live, old);
    renameSync(next, live);
    // A page gone meanwhile dealt the others differently than planned: the next index is made whole.
    this.#record = skipped ? undefined : indexRecord(live, search.shardPages());
    rmSync(old, { recursive: true, force: true });
    return true;
  }
}
