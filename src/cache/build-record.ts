import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { hashText } from "./hash-tree.js";
import { replaceFile } from "./replace-file.js";
import type { DiagnosticRecord } from "./diagnostic-record.js";

/** One file of an output folder as it was left by a build: path, size, modification time, inode. */
export type OutputFile = [path: string, size: number, mtimeMs: number, ino: number];

/**
 * One folder of an output and its modification time, which changes whenever an entry is added to
 * it, removed or renamed: with the files' own times, a file added anywhere is noticed without
 * listing every folder again.
 */
export type OutputFolder = [path: string, mtimeMs: number];

/** What an output folder holds, in a stable order. */
export interface OutputListing {
  files: OutputFile[];
  folders: OutputFolder[];
}

/**
 * What a build left in its output folder and what it reported, keyed by the fingerprint of its
 * inputs: when the inputs are the same and the folder is exactly as it was left, the next build
 * has nothing to do.
 */
export interface BuildRecord extends OutputListing {
  format: 2;
  key: string;
  out: string;
  summary: unknown;
  diagnostics: DiagnosticRecord[];
  /** The texts of the files the diagnostics are about, for their code frames. */
  sources: Record<string, string>;
  /** The search index in the output is the previous one until a background job swaps the new one in. */
  searchPending?: boolean;
}

const recordFile = (cacheDir: string, out: string) => join(cacheDir, "builds", `${hashText(resolve(out)).slice(0, 24)}.json`);

export function readBuildRecord(cacheDir: string, out: string): BuildRecord | undefined {
  const file = recordFile(cacheDir, out);
  if (!existsSync(file)) return undefined;
  try {
    const record = JSON.parse(readFileSync(file, "utf8")) as BuildRecord;
    return record.format === 2 && record.out === resolve(out) ? record : undefined;
  } catch {
    return undefined;
  }
}

export function writeBuildRecord(cacheDir: string, record: BuildRecord): void {
  replaceFile(recordFile(cacheDir, record.out), JSON.stringify(record));
}

export function forgetBuild(cacheDir: string, out: string): void {
  rmSync(recordFile(cacheDir, out), { force: true });
}

/**
 * Every file and folder of an output folder (the folder itself as ""), in a stable order. Called
 * under the output's lock; when an entry vanishes meanwhile all the same (someone deleting the
 * output by hand), there is no listing, and so no record: the next build writes all of it.
 */
export function listOutput(out: string): OutputListing | undefined {
  const files: OutputFile[] = [];
  const root = statSync(out, { throwIfNoEntry: false });
  if (!root) return undefined;
  const folders: OutputFolder[] = [["", root.mtimeMs]];
  let entries;
  try {
    entries = readdirSync(out, { withFileTypes: true, recursive: true });
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return undefined;
    if (entry.isDirectory()) folders.push([relative(out, path), stat.mtimeMs]);
    else files.push([relative(out, path), stat.size, stat.mtimeMs, stat.ino]);
  }
  return { files: files.sort(byPath), folders: folders.sort(byPath) };
}

export const byPath = (a: readonly [string, ...unknown[]], b: readonly [string, ...unknown[]]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * Whether the output folder is exactly as the listing says: every folder and file still there with
 * the same modification time (and, for a file, size and inode), so that nothing was added, removed
 * or changed. One `stat` per entry, without listing the folders again.
 */
export function outputIntact(out: string, listing: OutputListing): boolean {
  try {
    for (const [path, mtimeMs] of listing.folders) {
      const stat = statSync(join(out, path), { throwIfNoEntry: false });
      if (!stat?.isDirectory() || stat.mtimeMs !== mtimeMs) return false;
    }
    for (const [path, size, mtimeMs, ino] of listing.files) {
      const stat = statSync(join(out, path), { throwIfNoEntry: false });
      if (!stat || stat.isDirectory() || stat.size !== size || stat.mtimeMs !== mtimeMs || stat.ino !== ino) return false;
    }
    return true;
  } catch {
    return false;
  }
}
