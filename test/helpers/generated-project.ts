import { copyFileSync, cpSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCasebook } from "../../bench/generate-cases.js";
import { ROOT } from "./run-cli.js";

/**
 * A project of `count` generated cases (seeded) with its own copy of the vocabularies and the
 * theme, in a new temporary folder (the caller removes it). Returns the folder and the case ids, sorted.
 */
export function generatedProject(label: string, count: number, seed: number): { dir: string; ids: string[] } {
  const dir = mkdtempSync(join(tmpdir(), `casebook-${label}-`));
  copyFileSync(join(ROOT, "casebook.config.yaml"), join(dir, "casebook.config.yaml"));
  cpSync(join(ROOT, "schema", "vocabularies"), join(dir, "schema", "vocabularies"), { recursive: true });
  cpSync(join(ROOT, "themes", "default"), join(dir, "themes", "default"), { recursive: true });
  // The theme's fonts come from packages, found from the theme's folder.
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  const ids = generateCasebook({ count, seed, dir: join(dir, "cases") }).ids.sort();
  return { dir, ids };
}
