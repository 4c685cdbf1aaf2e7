import { readdirSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { hashText } from "../cache/hash-tree.js";
import { keepShardData, ShardDealer, shardCount, shardFolder, writeShardList, type ShardPages } from "./search-shards.js";

export class SearchIndexError extends Error {
  override name = "SearchIndexError";
}

/** Pages sent to Pagefind at once: enough to keep its binary busy while pages are still rendered. */
const IN_FLIGHT = 32;

/**
 * A Pagefind index fed while pages are produced, so indexing (in Pagefind's own process) overlaps
 * rendering. One index per `<html lang>`. A large index is split into shards (see
 * search-shards.ts): the pages are dealt to them in turn, so each shard is a sample of the whole
 * casebook and their relevance scores compare, and the shards are written one after another.
 * Pagefind's errors are fatal, and its service is always closed, whether writing succeeds or
 * `abort()` is called.
 */
export class SearchIndexer {
  readonly #shards: Promise<pagefind.PagefindIndex>[];
  readonly #dealer: ShardDealer;
  /** Each shard's pages, as dealt. */
  readonly #pages: ShardPages[];
  readonly #only: ReadonlySet<number> | undefined;
  readonly #pending = new Set<Promise<void>>();
  #failure: Error | undefined;
  #writing = false;

  /**
   * `pages`: how many pages are to come (it sets the number of shards; more or fewer may come).
   * `only`: the shards to make; the pages of the others are dealt, not indexed, and the shards are
   * taken from elsewhere when the index is written (see `startWriting`).
   */
  constructor(pages: number, only?: ReadonlySet<number>) {
    this.#dealer = new ShardDealer(shardCount(pages));
    this.#pages = Array.from({ length: this.#dealer.count }, () => []);
    this.#only = only;
    this.#shards = Array.from({ length: this.#dealer.count }, () => {
      const index = pagefind.createIndex({}).then((created) => {
        if (created.errors.length || !created.index) throw new SearchIndexError(`Pagefind could not start: ${created.errors.join("; ")}`);
        return created.index;
      });
      index.catch(() => undefined);
      return index;
    });
  }

  /** Queues a page; waits only when too many are in flight. */
  async add(path: string, html: string): Promise<void> {
    if (this.#failure) throw this.#failure;
    if (this.#writing) throw new SearchIndexError(`${path} was given to the search index after it began writing`);
    const n = this.#dealer.deal(html);
    this.#pages[n]!.push([path, hashText(html)]);
    if (this.#only && !this.#only.has(n)) return;
    const job = this.#shards[n]!
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
   * its shards beside their list in `folder`, closes Pagefind and returns the number of files written.
   */
  async writeTo(folder: string, reuse?: (n: number, target: string) => void): Promise<number> {
    return (await this.startWriting(folder, reuse)).written;
  }

  /** Each shard's pages (paths and hashes of their HTML), as dealt so far. */
  shardPages(): ShardPages[] {
    return this.#pages.slice(0, this.#written);
  }

  /** The shards written: those dealt a page (fewer pages may have come than were announced), at least one. */
  get #written(): number {
    return Math.max(1, this.#dealer.used);
  }

  /**
   * Waits for every page, then asks Pagefind to write the index into `folder`. It returns as soon
   * as the request is sent, so that this thread can do other work while Pagefind writes; `written`
   * settles when the index is written and Pagefind closed. A shard not made (see `only`) is put in
   * its place by `reuse(n, target)` once the others are written.
   */
  async startWriting(folder: string, reuse?: (n: number, target: string) => void): Promise<{ written: Promise<number> }> {
    this.#writing = true;
    const made = (n: number) => !this.#only || this.#only.has(n);
    const target = (n: number) => (n === 0 ? folder : join(folder, shardFolder(n)));
    let shards: pagefind.PagefindIndex[];
    try {
      if (this.#only && !reuse) throw new SearchIndexError("the shards not made again have nowhere to come from");
      await Promise.all(this.#pending);
      if (this.#failure) throw this.#failure;
      shards = (await Promise.all(this.#shards)).slice(0, this.#written);
    } catch (error) {
      await pagefind.close();
      throw error;
    }
    const write = async (request: Promise<pagefind.WriteFilesResponse>) => {
      const result = await request;
      if (result.errors.length) throw new SearchIndexError(`Pagefind could not write its index: ${result.errors.join("; ")}`);
    };
    // The first request leaves now (Pagefind's client writes it to the service at once); each
    // further shard is written when the one before is done, so that only one is being written.
    const first = made(0) ? shards[0]!.writeFiles({ outputPath: folder }) : undefined;
    const written = (async () => {
      try {
        if (first) await write(first);
        for (let n = 1; n < shards.length; n++) {
          if (!made(n)) continue;
          await write(shards[n]!.writeFiles({ outputPath: target(n) }));
          keepShardData(target(n));
        }
        for (let n = 0; n < shards.length; n++) if (!made(n)) reuse!(n, target(n));
        writeShardList(folder, shards.length);
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
