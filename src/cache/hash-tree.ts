import { createHash, type Hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** A new SHA-256 hash. Every cache key in Casebook is one. */
export function newHash(): Hash {
  return createHash("sha256");
}

export function hashText(...parts: readonly string[]): string {
  const hash = newHash();
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

/**
 * Feeds every file under `dir` (paths relative to it, in a stable order, then contents) into
 * `hash`. Nothing is fed for a missing folder, so creating one changes the hash.
 */
export function hashTree(hash: Hash, dir: string, accept: (file: string) => boolean = () => true): void {
  if (!existsSync(dir)) {
    hash.update("(missing)\0");
    return;
  }
  if (!statSync(dir).isDirectory()) {
    hash.update("(file)\0").update(readFileSync(dir)).update("\0");
    return;
  }
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if ((entry.isFile() || (entry.isSymbolicLink() && isFile(path))) && accept(path)) files.push(path);
  }
  files.sort();
  for (const file of files) hash.update(relative(dir, file)).update("\0").update(readFileSync(file)).update("\0");
}

/** The hash of one folder's files, as hex. */
export function treeHash(dir: string): string {
  const hash = newHash();
  hashTree(hash, dir);
  return hash.digest("hex");
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
