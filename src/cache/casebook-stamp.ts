import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PACKAGE_ROOT } from "../paths/package-root.js";
import { hashTree, newHash } from "./hash-tree.js";

const HERE = dirname(fileURLToPath(import.meta.url));
/**
 * The code that runs: the bundle's folder (lib/bundle/, see scripts/bundle-cli.mjs), or the `src/`
 * and `schema/` folders of `lib/` when built module by module, of the package when run from source.
 */
const CODE_FOLDERS = basename(HERE) === "bundle" ? [HERE] : ["src", "schema"].map((folder) => join(dirname(dirname(HERE)), folder));
const CODE = /\.(js|mjs|ts|json)$/;

let stamp: string | undefined;

/**
 * Casebook's own version: the package version and a hash of the code that runs, so a cache
 * written by another version, or by an edited checkout, is never used.
 */
export function casebookStamp(): string {
  if (stamp !== undefined) return stamp;
  const hash = newHash();
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version?: string; dependencies?: Record<string, string> };
  hash.update(`casebook ${pkg.version ?? "?"}\0${JSON.stringify(pkg.dependencies ?? {})}\0`);
  for (const folder of CODE_FOLDERS) hashTree(hash, folder, (file) => CODE.test(file) && !file.endsWith(".map"));
  stamp = hash.digest("hex");
  return stamp;
}
