import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { newHash, treeHash } from "./hash-tree.js";
import { replaceFile } from "./replace-file.js";

/**
 * A file whose modification time is this close to when its folder was hashed may have been written
 * again within the same clock tick: its folder is hashed again rather than trusted (as Git does).
 */
const RACY_MS = 2000;

interface Entry {
  /** The folder's listing: every file's path, size, modification and change times, and inode. */
  listing: string;
  hash: string;
}

interface Saved {
  format: 1;
  /** When the hashes were taken (ms since the epoch). */
  at: number;
  folders: Record<string, Entry>;
}

/**
 * Content hashes of the case folders, kept between builds: a folder whose files have the same
 * paths, sizes, modification times and inodes as when it was hashed is not read again. Anything
 * else (a new, removed, resized, touched or replaced file) reads and hashes the folder's contents.
 */
export class FolderHashes {
  readonly #file: string;
  readonly #previous: Saved | undefined;
  readonly #now: Record<string, Entry> = {};
  readonly #startedAt = Date.now();

  constructor(file: string) {
    this.#file = file;
    this.#previous = readSaved(file);
  }

  /** The content hash of a folder (as `treeHash` gives it), named `name` in the saved record. */
  hash(name: string, folder: string): string {
    const listing = folderListing(folder);
    const before = this.#previous?.folders[name];
    const trusted = before !== undefined && listing !== undefined && before.listing === listing.text && listing.newest < this.#previous!.at - RACY_MS;
    const hash = trusted ? before.hash : treeHash(folder);
    if (listing) this.#now[name] = { listing: listing.text, hash };
    return hash;
  }

  /** Keeps this build's hashes for the next one (written atomically; a failure only costs speed). */
  save(): void {
    const saved: Saved = { format: 1, at: this.#startedAt, folders: this.#now };
    try {
      replaceFile(this.#file, JSON.stringify(saved));
    } catch {
      // The cache is an optimisation: an unwritable cache folder must not fail the build.
    }
  }
}

function readSaved(file: string): Saved | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const saved = JSON.parse(readFileSync(file, "utf8")) as Saved;
    return saved.format === 1 && typeof saved.at === "number" && typeof saved.folders === "object" ? saved : undefined;
  } catch {
    return undefined;
  }
}

/** The listing of a folder's files (links followed, as `treeHash` reads them) and its newest modification time. */
function folderListing(folder: string): { text: string; newest: number } | undefined {
  try {
    const lines: string[] = [];
    let newest = statSync(folder).mtimeMs;
    for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      const path = join(entry.parentPath, entry.name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat?.isFile()) continue;
      newest = Math.max(newest, stat.mtimeMs, stat.ctimeMs);
      lines.push(`${relative(folder, path)}\0${stat.size}\0${stat.mtimeMs}\0${stat.ctimeMs}\0${stat.ino}`);
    }
    return { text: newHash().update(lines.sort().join("\n")).digest("base64"), newest };
  } catch {
    return undefined;
  }
}
