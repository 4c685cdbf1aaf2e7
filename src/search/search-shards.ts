import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

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
