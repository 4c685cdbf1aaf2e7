import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { treeHash } from "./hash-tree.js";
import { replaceFile } from "./replace-file.js";

/**
 * A file whose modification time is this close to when its folder was hashed may have been written
 * again within the same clock tick: its folder is hashed again rather than trusted (as Git does).
 */
const RACY_MS = 2000;

/** One folder under a case folder ("" for the case folder itself) and its modification time. */
type FolderStamp = [path: string, mtimeMs: number];
/** One file of a case folder: path, size, modification and change times, inode. */
type FileStamp = [path: string, size: number, mtimeMs: number, ctimeMs: number, ino: number];

interface Entry {
  /**
   * The case folder's folders, whose modification times change whenever an entry is added to one,
   * removed or renamed: with them, the files' own stamps say that nothing changed without listing
   * the folder again.
   */
  folders: FolderStamp[];
  files: FileStamp[];
  hash: string;
}

interface Saved {
  format: 2;
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
    const before = this.#previous?.folders[name];
    if (before && unchangedSince(folder, before, this.#previous!.at - RACY_MS)) {
      this.#now[name] = before;
      return before.hash;
    }
    // Listed before it is read: a file changed in between has a newer stamp than the one kept.
    const listing = folderListing(folder);
    const hash = treeHash(folder);
    if (listing) this.#now[name] = { ...listing, hash };
    return hash;
  }

  /** Keeps this build's hashes for the next one (written atomically; a failure only costs speed). */
  save(): void {
    const saved: Saved = { format: 2, at: this.#startedAt, folders: this.#now };
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
    return saved.format === 2 && typeof saved.at === "number" && typeof saved.folders === "object" ? saved : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a folder is as `entry` lists it, by one \`stat\` per folder and file (no listing): the
 * same folders with the same modification times (so no entry was added, removed or renamed) and
 * the same files with the same stamps, none of them newer than \`before\`.
 */
function unchangedSince(folder: string, entry: Entry, before: number): boolean {
  try {
    for (const [path, mtimeMs] of entry.folders) {
      const stat = statSync(join(folder, path), { throwIfNoEntry: false });
      if (!stat?.isDirectory() || stat.mtimeMs !== mtimeMs || mtimeMs >= before) return false;
    }
    for (const [path, size, mtimeMs, ctimeMs, ino] of entry.files) {
      const stat = statSync(join(folder, path), { throwIfNoEntry: false });
      if (!stat?.isFile() || stat.size !== size || stat.mtimeMs !== mtimeMs || stat.ctimeMs !== ctimeMs || stat.ino !== ino || Math.max(mtimeMs, ctimeMs) >= before) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** The stamps of a folder's folders and files (links to files followed, as \`treeHash\` reads them). */
function folderListing(folder: string): Omit<Entry, "hash"> | undefined {
  try {
    const folders: FolderStamp[] = [["", statSync(folder).mtimeMs]];
    const files: FileStamp[] = [];
    for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
      const path = join(entry.parentPath, entry.name);
      if (entry.isDirectory()) {
        folders.push([relative(folder, path), statSync(path).mtimeMs]);
        continue;
      }
      if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat?.isFile()) files.push([relative(folder, path), stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino]);
    }
    return { folders, files };
  } catch {
    return undefined;
  }
}
