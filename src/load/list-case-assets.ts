import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { assetTypeProblem, isSvgName, MAX_SVG_BYTES, svgProblem } from "./inspect-asset.js";

/**
 * What a path inside a case folder is: a file, a link that leads out of the folder, or a file that
 * must not be published (see inspect-asset.ts). Only `file` entries are ever copied or served.
 */
export type AssetKind = "file" | "link-outside" | "unsafe";
/** Relative paths (forward slashes) of the files in a case's asset folders. */
export type CaseAssets = ReadonlyMap<string, AssetKind>;

export interface CaseAssetListing {
  assets: CaseAssets;
  /** More than MAX_ASSETS_PER_CASE entries: the listing stopped (rule `assets-too-many`). */
  truncated: boolean;
  /** Why each `unsafe` entry may not be published (rule `asset-unsafe`). */
  unsafe?: ReadonlyMap<string, string>;
}

/** Stop listing past this many entries: a case with more is refused by the validator. */
export const MAX_ASSETS_PER_CASE = 5000;

export function listCaseAssets(folder: string, assetFolders: readonly string[] = ["images"]): CaseAssetListing {
  const assets = new Map<string, AssetKind>();
  const unsafe = new Map<string, string>();
  // The folder's real path is only needed to judge a symbolic link, which few cases have.
  let root: string | undefined;
  const inside = (path: string) => {
    const target = safeRealpath(path);
    root ??= safeRealpath(folder) ?? folder;
    return target !== undefined && (target + sep).startsWith(root + sep);
  };
  let truncated = false;
  const addFile = (path: string, rel: string) => {
    const problem = assetTypeProblem(rel.slice(rel.lastIndexOf("/") + 1)) ?? (isSvgName(rel) ? svgFileProblem(path) : undefined);
    assets.set(rel, problem ? "unsafe" : "file");
    if (problem) unsafe.set(rel, problem);
  };
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (assets.size >= MAX_ASSETS_PER_CASE) {
        truncated = true;
        return;
      }
      // Hidden files (`.keep`, `.DS_Store`) are neither listed nor published.
      if (entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      const rel = relative(folder, path).split(sep).join("/");
      if (entry.isSymbolicLink()) {
        if (!inside(path)) assets.set(rel, "link-outside");
        else if (safeStat(path)?.isFile()) addFile(path, rel);
      } else if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) addFile(path, rel);
    }
  };
  for (const name of assetFolders) {
    const dir = join(folder, name);
    const stat = safeLstat(dir);
    // A case without images has nothing to list (learnt without an error thrown and caught).
    if (!stat) continue;
    // The asset folder itself may be a symbolic link (git stores them): to /etc, it would publish /etc.
    if (stat.isSymbolicLink() && !inside(dir)) assets.set(name, "link-outside");
    else walk(dir);
  }
  return { assets, truncated, ...(unsafe.size ? { unsafe } : {}) };
}

function svgFileProblem(path: string): string | undefined {
  let text: string;
  let fd: number | undefined;
  try {
    // Opened once: its size is read from the open file, and a larger one is refused unread.
    fd = openSync(path, "r");
    const size = fstatSync(fd).size;
    if (size > MAX_SVG_BYTES) return `the SVG is ${(size / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_SVG_BYTES / 1024 / 1024} MB Casebook checks`;
    text = readFileSync(fd, "utf8");
  } catch {
    return "the SVG could not be read";
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const problem = svgProblem(text);
  return problem ? `the SVG is not plain drawing: ${problem}` : undefined;
}

function safeRealpath(path: string): string | undefined {
  try {
    // The native call is one system call; the JavaScript one walks every component of the path.
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

function safeStat(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function safeLstat(path: string) {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
