import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { linkFolder } from "../build/site-writer.js";
import { hashText } from "../cache/hash-tree.js";

/**
 * How the search index is split. Pagefind keeps every page it was given in memory and, while it
 * writes an index, several times as much again (1.6 GiB for 4,000 case pages, measured), so a large
 * casebook's index is written as shards of at most this many pages, one after another: the memory
 * of writing grows with a shard, not with the casebook. The site's search merges the shards (see
 * themes/default/scripts/search.js). `CASEBOOK_SEARCH_SHARD_PAGES` sets another size.
 */
export const PAGES_PER_SHARD = 1000;

/** The file, in the index's folder, that names the shards besides the index itself. */
export const SHARDS_FILE = "shards.json";

/**
 * What the site's search reads from `shards.json`: each shard's folder, relative to the index's,
 * and the languages it holds (as Pagefind names them), since a shard is merged only for those.
 */
export interface ShardList {
  shards: { path: string; languages: string[] }[];
}

/** The shard size in effect: the environment's, when it names a whole number of pages. */
export function pagesPerShard(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env["CASEBOOK_SEARCH_SHARD_PAGES"]);
  return Number.isInteger(set) && set > 0 ? set : PAGES_PER_SHARD;
}

/** How many shards an index of `pages` pages is written as: at least one. */
export function shardCount(pages: number, perShard = pagesPerShard()): number {
  return Math.max(1, Math.ceil(pages / perShard));
}

/** The folder, relative to the index's, of the shard numbered `n` (1 and up; shard 0 is the index's own folder). */
export function shardFolder(n: number): string {
  return `shard-${n}`;
}

/**
 * A shard is searched through the first bundle's script and WebAssembly (Pagefind's `mergeIndex`),
 * so it keeps only its data: the entry, the metadata, and the word, filter and fragment chunks.
 */
export function keepShardData(folder: string): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const data = entry.isDirectory() ? ["index", "filter", "fragment"].includes(entry.name) : entry.name === "pagefind-entry.json" || entry.name.endsWith(".pf_meta");
    if (!data) rmSync(join(folder, entry.name), { recursive: true, force: true });
  }
}

/** Names the shards, once written, in the index's folder (an empty list for an index written whole). */
export function writeShardList(folder: string, shards: number): void {
  const list: ShardList = {
    shards: Array.from({ length: shards - 1 }, (_, i) => {
      const path = shardFolder(i + 1);
      const entry = JSON.parse(readFileSync(join(folder, path, "pagefind-entry.json"), "utf8")) as { languages: Record<string, unknown> };
      return { path: `${path}/`, languages: Object.keys(entry.languages).sort() };
    }),
  };
  writeFileSync(join(folder, SHARDS_FILE), `${JSON.stringify(list)}\n`);
}

/**
 * Deals pages to shards: in turn within each language, so that every shard holds every language
 * that has as many pages as there are shards, and the first shard every language that has any.
 * The same pages in the same order are always dealt the same way.
 */
export class ShardDealer {
  readonly #dealt = new Map<string, number>();
  /** How many shards have been dealt a page. */
  used = 0;

  constructor(readonly count: number) {}

  /** The shard of the next page, whose HTML is `html`. */
  deal(html: string): number {
    const lang = languageOf(html);
    const dealt = this.#dealt.get(lang) ?? 0;
    this.#dealt.set(lang, dealt + 1);
    this.used = Math.max(this.used, Math.min(dealt + 1, this.count));
    return dealt % this.count;
  }
}

/** A page's language as Pagefind takes it: its `<html lang>`, lower-cased ("" when it has none). */
function languageOf(html: string): string {
  return /<html\b[^>]*?\slang="([^"]*)"/i.exec(html.slice(0, 2000))?.[1]?.toLowerCase() ?? "";
}

/** What a shard was made from: its pages' paths and a hash of their HTML, in the order they were given. */
export type ShardPages = [path: string, hash: string][];

/**
 * Links shard `n` of the index in `from` into `to`: the same files, so a shard made from the same
 * pages need not be made again. Shard 0 is the index's own folder, without the other shards.
 */
export function linkShard(from: string, n: number, to: string): void {
  if (n > 0) linkFolder(join(from, shardFolder(n)), to);
  else linkFolder(from, to, (path) => path !== SHARDS_FILE && !path.startsWith("shard-"));
}

/**
 * The shards to make again: those whose pages (dealt as the index deals them) are not the
 * recorded ones; every shard (undefined) when there is no record, the number of shards changed, or
 * a page cannot be read.
 */
export function changedShards<P>(recorded: ShardPages[] | undefined, pages: readonly (P & { path: string })[], read: (page: P) => string): Set<number> | undefined {
  if (!recorded || recorded.length !== shardCount(pages.length)) return undefined;
  const dealer = new ShardDealer(recorded.length);
  const now: ShardPages[] = recorded.map(() => []);
  try {
    for (const page of pages) {
      const html = read(page);
      now[dealer.deal(html)]!.push([page.path, hashText(html)]);
    }
  } catch {
    return undefined;
  }
  const changed = new Set<number>();
  for (let n = 0; n < recorded.length; n++) if (JSON.stringify(now[n]) !== JSON.stringify(recorded[n])) changed.add(n);
  return changed;
}
