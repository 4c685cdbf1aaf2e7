import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, type Stats } from "node:fs";
import { dirname, join, relative } from "node:path";
import { placeFile } from "../cache/page-cache.js";
import { withOutputLock } from "./output-lock.js";
import type { CaseEntry } from "../link/casebook-model.js";
import { fileForPath, paths } from "../site/urls.js";

/**
 * Where a build puts the files of a site, by their site path. A fresh site writes every file into
 * `dir`; an update of the previous output (see output-update.ts) writes there only what differs
 * from that output and keeps the rest where it is.
 */
export interface SiteFiles {
  /** The folder new files go to (rendering threads write their pages there themselves). */
  readonly dir: string;
  /** Where a new file is to be written (its folder made). */
  target(file: string): string;
  write(file: string, content: string | Uint8Array): void;
  /** A file from the page cache (hard-linked where possible), with the cache file's device and inode. */
  place(source: string, file: string, identity: { dev: number; ino: number }): void;
  /** Whether the output being updated holds this very file (a cache file's link) at `file`, unchanged. */
  holdsLink(file: string, identity: { dev: number; ino: number }): boolean;
  /** A file copied from the sources (media, fonts), with the source's modification time (see `copyWithTime`). */
  copy(source: string, file: string): void;
  /** Withdraws a file written or placed by this build (a cache entry that vanished while placing it). */
  drop(file: string): void;
  /** The file that holds a page of this site now, to read it back or keep it in the cache. */
  pathOf(file: string): string;
  /** Places a whole folder made elsewhere (the previous search index). Returns the number of files. */
  carryFolder(source: string, folder: string): number;
}

/** Where `file` goes in `dir`, its folder made (each folder once). */
export function targetIn(dir: string): (file: string) => string {
  const made = new Set<string>();
  return (file) => {
    const path = join(dir, file);
    const parent = dirname(path);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    return path;
  };
}

/**
 * Writes every file into a site folder by its site path, making each folder once. `outputLock`:
 * the lock of the output a carried folder comes from, held while it is linked, so that another
 * build cannot replace that output half-way through (see output-lock.ts).
 */
export function siteWriter(siteDir: string, outputLock?: string): SiteFiles {
  const target = targetIn(siteDir);
  const carry = (source: string, folder: string) => linkFolder(source, join(siteDir, folder));
  return {
    dir: siteDir,
    target,
    write: (file, content) => writeFileSync(target(file), content),
    place: (source, file) => placeFile(source, target(file)),
    holdsLink: () => false,
    copy: (source, file) => copyWithTime(source, target(file)),
    drop: (file) => rmSync(join(siteDir, file), { force: true }),
    pathOf: (file) => join(siteDir, file),
    carryFolder: (source, folder) => (outputLock ? withOutputLock(outputLock, () => carry(source, folder)) : carry(source, folder)),
  };
}

/**
 * Copies a source file and gives the copy the source's modification time, to the millisecond, as
 * `cp -p` and rsync do, so that the next build can tell an unchanged source from its size and time
 * alone (see `sameAsCopied`) instead of reading both files.
 */
export function copyWithTime(source: string, target: string, stat: Stats = statSync(source)): void {
  copyFileSync(source, target);
  try {
    utimesSync(target, stat.atime, Math.floor(stat.mtimeMs) / 1000);
  } catch {
    // A file system that keeps no such times: the copy stands, and the next build copies it again.
  }
}

/**
 * Whether a copy recorded with `size` and `mtimeMs` (by the build that made it with `copyWithTime`)
 * is still the copy of a source with this stat. The time is compared in whole milliseconds: it is
 * set as seconds in a double, and file systems and Node keep it to the microsecond at best, so it
 * comes back up to about a microsecond off (one copy in a few hundred missed an exact comparison).
 */
export function sameAsCopied(stat: Stats, size: number, mtimeMs: number): boolean {
  return stat.size === size && Math.floor(stat.mtimeMs) === Math.round(mtimeMs);
}

/** Reads a site file as text. */
export function readSiteFile(files: SiteFiles, file: string): string {
  return readFileSync(files.pathOf(file), "utf8");
}

/**
 * Places a copy of a folder (hard links where possible) at `target`: every file, or those whose
 * path in it `accept` takes. Returns the number of files: none when there is no such folder
 * (another build's output may have none to carry).
 */
export function linkFolder(source: string, target: string, accept: (path: string) => boolean = () => true): number {
  let count = 0;
  if (!existsSync(source)) return 0;
  for (const entry of readdirSync(source, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const from = join(entry.parentPath, entry.name);
    const path = relative(source, from);
    if (!accept(path)) continue;
    const to = join(target, path);
    mkdirSync(dirname(to), { recursive: true });
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
    count++;
  }
  return count;
}

/** A case's media: its asset files, once for all languages. */
export function copyCaseMedia(entry: CaseEntry, files: Pick<SiteFiles, "copy">): void {
  for (const [file, kind] of entry.assets) if (kind === "file") files.copy(join(entry.folder, file), fileForPath(paths.caseAsset(entry.id, file)));
}
