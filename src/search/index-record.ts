import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { hashText } from "../cache/hash-tree.js";
import { replaceFile } from "../cache/replace-file.js";
import { SHARDS_FILE, type ShardList, type ShardPages } from "./search-shards.js";

/**
 * What a search index was made from, kept in the build cache (not in the published site): each
 * shard's pages with a hash of their HTML, and the index's own entry files, which tell whether
 * the index in an output is still the one described. A background index job makes again only the
 * shards whose pages changed, and takes the others from the index it replaces.
 */
export interface IndexRecord {
  entry: string;
  list: string;
  shards: ShardPages[];
}

/** Where the record of the search index of the output `out` is kept. */
export function indexRecordPath(cacheDir: string, out: string): string {
  return join(cacheDir, "search-index", `${hashText(out).slice(0, 24)}.json`);
}

/**
 * The index in `folder` as its shard list and every shard's Pagefind entry name it (each entry
 * holds the hashes of its shard's metadata, which hold its pages' hashes).
 */
function entryFiles(folder: string): { entry: string; list: string } | undefined {
  const listFile = join(folder, SHARDS_FILE);
  if (!existsSync(listFile)) return undefined;
  const list = readFileSync(listFile, "utf8");
  const bundles = [folder, ...(JSON.parse(list) as ShardList).shards.map((shard) => join(folder, shard.path))];
  const entries = bundles.map((bundle) => join(bundle, "pagefind-entry.json"));
  if (!entries.every((entry) => existsSync(entry))) return undefined;
  return { entry: entries.map((entry) => readFileSync(entry, "utf8")).join("\n"), list };
}

/** What the index just written into `folder` was made from (undefined if it has no shard list). */
export function indexRecord(folder: string, shards: ShardPages[]): IndexRecord | undefined {
  const files = entryFiles(folder);
  return files && { ...files, shards };
}

/** Each shard's pages, when the record describes the index now in `folder`; otherwise undefined. */
export function shardsIfCurrent(record: IndexRecord | undefined, folder: string): ShardPages[] | undefined {
  const files = record && entryFiles(folder);
  return files && record.entry === files.entry && record.list === files.list ? record.shards : undefined;
}

/** Records, in the file `file`, what the index just written into `folder` was made from. */
export function writeIndexRecord(file: string, folder: string, shards: ShardPages[]): void {
  const record = indexRecord(folder, shards);
  if (record) replaceFile(file, JSON.stringify(record));
}

/** Each shard's pages, when the record in the file `file` describes the index now in `folder`. */
export function recordedShards(file: string, folder: string): ShardPages[] | undefined {
  try {
    return shardsIfCurrent(JSON.parse(readFileSync(file, "utf8")) as IndexRecord, folder);
  } catch {
    return undefined;
  }
}
