import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { casebookStamp } from "./casebook-stamp.js";
import type { FolderHashes } from "./folder-hashes.js";
import { hashText, hashTree, newHash, treeHash } from "./hash-tree.js";

/** Everything a build reads, besides the cases themselves. */
export interface BuildSettings {
  cwd: string;
  casesDir: string;
  out: string;
  vocabulariesDir: string;
  themeDir: string;
  /** The configuration files' texts (display path → text). */
  configSources: ReadonlyMap<string, string>;
  /** Options and environment that change the output: languages, PDF, drafts, dates. */
  options: Record<string, unknown>;
}

/** The fingerprint of a build's inputs. */
export interface BuildInputs {
  /** Changes when anything the build reads changes: the whole-build key. */
  key: string;
  /** Changes with anything but the cases: Casebook, configuration, vocabularies, theme, options. */
  shared: string;
  /** Each case folder's content hash, by folder name. */
  cases: ReadonlyMap<string, string>;
}

/**
 * Hashes every input of a build: Casebook's own code and version, the configuration, the
 * vocabularies, the theme, the options, the print book's texts, and every file of every case.
 * With `folders`, a case folder whose files have not changed on disk is not read again.
 */
export function fingerprintBuild(settings: BuildSettings, folders?: FolderHashes): BuildInputs {
  const shared = newHash();
  shared.update(`casebook\0${casebookStamp()}\0`);
  shared.update(`options\0${JSON.stringify(settings.options)}\0`);
  shared.update(`cases-at\0${relative(settings.cwd, settings.casesDir)}\0out\0${resolve(settings.out)}\0`);
  for (const [file, text] of [...settings.configSources].sort(([a], [b]) => (a < b ? -1 : 1))) shared.update(`config\0${file}\0${text}\0`);
  shared.update("vocabularies\0");
  hashTree(shared, settings.vocabulariesDir);
  shared.update("theme\0");
  hashTree(shared, settings.themeDir);
  shared.update("book\0");
  hashTree(shared, join(settings.cwd, "book"));
  const sharedKey = shared.digest("hex");

  const cases = new Map<string, string>();
  const whole = newHash().update(sharedKey);
  if (existsSync(settings.casesDir))
    for (const entry of readdirSync(settings.casesDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const name = entry.name;
      const path = join(settings.casesDir, name);
      // The listing says what an entry is (no stat for each of 4,000 folders), but not where a link leads.
      const folder = entry.isDirectory() || (entry.isSymbolicLink() && isFolder(path));
      const stamp = folder ? (folders ? folders.hash(name, path) : treeHash(path)) : hashText("file", treeHash(path));
      cases.set(name, stamp);
      whole.update(`${name}\0${stamp}\0`);
    }
  return { key: whole.digest("hex"), shared: sharedKey, cases };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
