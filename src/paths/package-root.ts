import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder of Casebook's own package.json, whether running from src/ (tests) or lib/ (built). */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) || !existsSync(join(dir, "schema", "vocabularies"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("Casebook's package root (package.json + schema/vocabularies) was not found.");
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT = findPackageRoot();
