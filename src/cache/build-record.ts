import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { hashText } from "./hash-tree.js";
import type { DiagnosticRecord } from "./diagnostic-record.js";

/** One file of an output folder as it was left by a build: path, size, modification time. */
export type OutputFile = [path: string, size: number, mtimeMs: number];

/**
 * What a build left in its output folder and what it reported, keyed by the fingerprint of its
 * inputs: when the inputs are the same and the folder is exactly as it was left, the next build
 * has nothing to do.
 */
export interface BuildRecord {
  format: 1;
  key: string;
  out: string;
  summary: unknown;
  diagnostics: DiagnosticRecord[];
  /** The texts of the files the diagnostics are about, for their code frames. */
  sources: Record<string, string>;
  files: OutputFile[];
  /** The search index in the output is the previous one until a background job swaps the new one in. */
  searchPending?: boolean;
}

const recordFile = (cacheDir: string, out: string) => join(cacheDir, "builds", `${hashText(resolve(out)).slice(0, 24)}.json`);

export function readBuildRecord(cacheDir: string, out: string): BuildRecord | undefined {
  const file = recordFile(cacheDir, out);
  if (!existsSync(file)) return undefined;
  try {
    const record = JSON.parse(readFileSync(file, "utf8")) as BuildRecord;
    return record.format === 1 && record.out === resolve(out) ? record : undefined;
  } catch {
    return undefined;
  }
}

export function writeBuildRecord(cacheDir: string, record: BuildRecord): void {
  const file = recordFile(cacheDir, record.out);
  mkdirSync(join(cacheDir, "builds"), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(record));
  renameSync(temp, file);
}

export function forgetBuild(cacheDir: string, out: string): void {
  rmSync(recordFile(cacheDir, out), { force: true });
}

/** Every file of an output folder, in a stable order. */
export function listOutput(out: string): OutputFile[] {
  const files: OutputFile[] = [];
  for (const entry of readdirSync(out, { withFileTypes: true, recursive: true })) {
    if (entry.isDirectory()) continue;
    const path = join(entry.parentPath, entry.name);
    const stat = statSync(path);
    files.push([relative(out, path), stat.size, stat.mtimeMs]);
  }
  return files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Whether the output folder holds exactly the files the record lists, none changed since. */
export function outputIntact(out: string, files: readonly OutputFile[]): boolean {
  if (!existsSync(out)) return false;
  let now: OutputFile[];
  try {
    now = listOutput(out);
  } catch {
    return false;
  }
  return now.length === files.length && now.every((f, i) => f[0] === files[i]![0] && f[1] === files[i]![1] && f[2] === files[i]![2]);
}
