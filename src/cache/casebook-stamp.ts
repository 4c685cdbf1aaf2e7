import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PACKAGE_ROOT } from "../paths/package-root.js";
import { hashTree, newHash } from "./hash-tree.js";

/** The folder that holds Casebook's `src/` and `schema/` code: `lib/` when built, the package when run from source. */
const CODE_ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
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
  for (const folder of ["src", "schema"]) hashTree(hash, join(CODE_ROOT, folder), (file) => CODE.test(file) && !file.endsWith(".map"));
  stamp = hash.digest("hex");
  return stamp;
}
