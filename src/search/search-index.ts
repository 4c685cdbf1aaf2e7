import { readdirSync } from "node:fs";
import * as pagefind from "pagefind";

export class SearchIndexError extends Error {
  override name = "SearchIndexError";
}

/** Pages sent to Pagefind at once: enough to keep its binary busy while pages are still rendered. */
const IN_FLIGHT = 32;

/**
 * A Pagefind index fed while pages are produced, so indexing (in Pagefind's own process) overlaps
 * rendering. One index per `<html lang>`. Pagefind's errors are fatal, and its service is always
 * closed, whether `files()` succeeds or `abort()` is called.
 */
export class SearchIndexer {
  readonly #index: Promise<pagefind.PagefindIndex>;
  readonly #pending = new Set<Promise<void>>();
  #failure: Error | undefined;
  #writing = false;

  constructor() {
    this.#index = pagefind.createIndex({}).then((created) => {
      if (created.errors.length || !created.index) throw new SearchIndexError(`Pagefind could not start: ${created.errors.join("; ")}`);
      return created.index;
    });
    this.#index.catch(() => undefined);
  }

  /** Queues a page; waits only when too many are in flight. */
  async add(path: string, html: string): Promise<void> {
    if (this.#failure) throw this.#failure;
    if (this.#writing) throw new SearchIndexError(`${path} was given to the search index after it began writing`);
    const job = this.#index
      .then((index) => index.addHTMLFile({ url: path, content: html }))
      .then((added) => {
        if (added.errors.length) throw new SearchIndexError(`Pagefind could not index ${path}: ${added.errors.join("; ")}`);
      })
      .catch((error: unknown) => {
        this.#failure ??= error instanceof Error ? error : new SearchIndexError(String(error));
      })
      .finally(() => this.#pending.delete(job));
    this.#pending.add(job);
    if (this.#pending.size >= IN_FLIGHT) await Promise.race(this.#pending);
  }

  /**
   * Waits for every page, then has Pagefind write the index into `folder` (from its own process:
   * the index, hundreds of megabytes for thousands of cases, never passes through Node's memory),
   * closes Pagefind and returns the number of files written.
   */
  async writeTo(folder: string): Promise<number> {
    return (await this.startWriting(folder)).written;
  }

  /**
   * Waits for every page, then asks Pagefind to write the index into `folder`. It returns as soon
   * as the request is sent, so that this thread can do other work while Pagefind writes; `written`
   * settles when the index is written and Pagefind closed.
   */
  async startWriting(folder: string): Promise<{ written: Promise<number> }> {
    this.#writing = true;
    let index: pagefind.PagefindIndex;
    try {
      await Promise.all(this.#pending);
      if (this.#failure) throw this.#failure;
      index = await this.#index;
    } catch (error) {
      await pagefind.close();
      throw error;
    }
    // The request leaves now (Pagefind's client writes it to the service at once).
    const request = index.writeFiles({ outputPath: folder });
    const written = (async () => {
      try {
        const result = await request;
        if (result.errors.length) throw new SearchIndexError(`Pagefind could not write its index: ${result.errors.join("; ")}`);
        return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
      } finally {
        await pagefind.close();
      }
    })();
    written.catch(() => undefined);
    return { written };
  }

  async abort(): Promise<void> {
    await Promise.allSettled(this.#pending);
    await pagefind.close();
  }
}
