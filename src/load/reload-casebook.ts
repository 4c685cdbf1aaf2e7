import { lstatSync } from "node:fs";
import { sep } from "node:path";
import { findCaseFiles, type FoundCases } from "./find-case-files.js";
import { listCaseAssets, type CaseAssetListing } from "./list-case-assets.js";
import { loadFile, type LoadedCasebook, type LoadedFile } from "./load-casebook.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

/**
 * A file whose modification time is this close to when it was read may be written again within the
 * same tick of the file system's clock, keeping its size and times: it is read again next time rather
 * than trusted (Git treats its index the same way).
 */
const RACY_MS = 2000;

interface FileEntry {
  /** Size, modification and change times and inode when it was read; undefined: never trusted. */
  stamp: string | undefined;
  loaded: { file: LoadedFile; diagnostics: Diagnostic[] };
}

/**
 * Loads a casebook again and again (the live preview), reading only what changed: a case file is
 * read again when the watcher named it or when its size, times or inode differ from when it was read;
 * a case's assets are listed again when a changed path lies in its folder; the folders are listed
 * again when a changed path is not a file already known. Without `changed`, everything is read.
 * The result is what `loadCasebook` gives on the same files, with unchanged files' objects reused.
 */
export class CasebookReloader {
  #found: FoundCases | undefined;
  readonly #files = new Map<string, FileEntry>();
  readonly #assets = new Map<string, CaseAssetListing>();

  constructor(
    readonly casesDir: string,
    readonly cwd: string,
  ) {}

  load(changed?: readonly string[]): LoadedCasebook {
    const known = new Set(this.#found?.files.map((f) => f.path));
    const folders = new Map(this.#found?.files.map((f) => [f.folder, f.id]));
    const named = new Set(changed);
    const relist = new Set<string>();
    let refind = changed === undefined || this.#found === undefined;
    for (const path of named) {
      // A known case file that is gone or is no longer a file: the folders are listed again.
      if (known.has(path)) {
        if (fileStamp(path) === undefined) refind = true;
        continue;
      }
      const owner = caseFolderOf(path, folders);
      // Anything else in a case folder: an asset (its case's assets are listed again) or a new file.
      if (owner) relist.add(owner.id);
      if (!owner || !path.startsWith(`${owner.folder}${sep}images${sep}`)) refind = true;
    }
    if (refind || !this.#found) this.#found = findCaseFiles(this.casesDir, this.cwd);
    const found = this.#found;
    const diagnostics: Diagnostic[] = [...found.diagnostics];
    const assets: LoadedCasebook["assets"] = new Map();
    const seen = new Set<string>();
    const files = found.files.map((ref) => {
      if (!assets.has(ref.id)) {
        const previous = changed === undefined || relist.has(ref.id) ? undefined : this.#assets.get(ref.id);
        assets.set(ref.id, previous ?? listCaseAssets(ref.folder));
      }
      seen.add(ref.path);
      const before = this.#files.get(ref.path);
      const stamp = fileStamp(ref.path);
      const trusted = before !== undefined && changed !== undefined && !named.has(ref.path) && stamp !== undefined && before.stamp === stamp && before.loaded.file.ref.display === ref.display;
      let entry = before!;
      if (!trusted) {
        const readAt = Date.now();
        entry = { stamp: stamp !== undefined && stampTime(stamp) < readAt - RACY_MS ? stamp : undefined, loaded: loadFile(ref) };
      }
      this.#files.set(ref.path, entry);
      diagnostics.push(...entry.loaded.diagnostics);
      return entry.loaded.file;
    });
    for (const path of this.#files.keys()) if (!seen.has(path)) this.#files.delete(path);
    this.#assets.clear();
    for (const [id, listing] of assets) this.#assets.set(id, listing);
    return { files, assets, diagnostics };
  }
}

/** The case folder that holds `path`, if it is in one the last listing found. */
function caseFolderOf(path: string, folders: ReadonlyMap<string, string>): { id: string; folder: string } | undefined {
  for (let at = path.lastIndexOf(sep); at > 0; at = path.lastIndexOf(sep, at - 1)) {
    const folder = path.slice(0, at);
    const id = folders.get(folder);
    if (id !== undefined) return { id, folder };
  }
  return undefined;
}

/** A regular file's size, times and inode; undefined for a link or anything else (never trusted). */
function fileStamp(path: string): string | undefined {
  try {
    const stat = lstatSync(path, { bigint: true });
    if (!stat.isFile()) return undefined;
    return `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}`;
  } catch {
    return undefined;
  }
}

/** The modification time in a stamp, in ms since the epoch. */
function stampTime(stamp: string): number {
  return Number(BigInt(stamp.split(":")[1]!) / 1_000_000n);
}
