import { lstatSync, readdirSync, realpathSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** What a path inside a case folder is: a file, or a link that leads out of the folder. */
export type AssetKind = "file" | "link-outside";
/** Relative paths (forward slashes) of the files in a case's asset folders. */
export type CaseAssets = ReadonlyMap<string, AssetKind>;

/** Stop listing past this many entries: a case with more is refused by the validator. */
export const MAX_ASSETS_PER_CASE = 5000;

export function listCaseAssets(folder: string, assetFolders: readonly string[] = ["images"]): { assets: CaseAssets; truncated: boolean } {
  const assets = new Map<string, AssetKind>();
  const root = safeRealpath(folder) ?? folder;
  let truncated = false;
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
      const path = join(dir, entry.name);
      const rel = relative(folder, path).split(sep).join("/");
      if (entry.isSymbolicLink()) {
        const target = safeRealpath(path);
        const inside = target !== undefined && (target + sep).startsWith(root + sep);
        if (!inside) assets.set(rel, "link-outside");
        else if (lstatSync(target).isFile()) assets.set(rel, "file");
      } else if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) assets.set(rel, "file");
    }
  };
  for (const name of assetFolders) walk(join(folder, name));
  return { assets, truncated };
}

function safeRealpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
