import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { SearchIndexer } from "../search/search-index.js";

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

  constructor(readonly siteDir: string) {}

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
    const search = new SearchIndexer();
    this.#active = search;
    try {
      await this.#indexWith(search, pages, generation);
    } finally {
      this.#active = undefined;
    }
  }

  async #indexWith(search: SearchIndexer, pages: readonly SearchPage[], generation: number): Promise<void> {
    const current = () => this.#generation === generation;
    for (const page of pages) {
      if (!current()) return search.abort();
      let html: string;
      try {
        html = readFileSync(join(this.siteDir, page.file), "utf8");
      } catch {
        continue;
      }
      await search.add(page.path, html);
    }
    const next = join(this.siteDir, ".pagefind-next");
    rmSync(next, { recursive: true, force: true });
    await search.writeTo(next);
    if (!current()) return rmSync(next, { recursive: true, force: true });
    const live = join(this.siteDir, "pagefind");
    const old = join(this.siteDir, ".pagefind-old");
    rmSync(old, { recursive: true, force: true });
    if (existsSync(live)) renameSync(live, old);
    renameSync(next, live);
    rmSync(old, { recursive: true, force: true });
  }
}
