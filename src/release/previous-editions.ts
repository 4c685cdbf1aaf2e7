import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ProjectError } from "../build/open-project.js";
import { compareVersions, isEditionVersion } from "./edition-version.js";
import { manifestSchema, type Manifest } from "./manifest-schema.js";

/** The editions already released into `releasesDir` (`<version>/manifest.json`), oldest first. */
export function readEditions(releasesDir: string): Manifest[] {
  if (!existsSync(releasesDir)) return [];
  const editions: Manifest[] = [];
  for (const entry of readdirSync(releasesDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !isEditionVersion(entry.name)) continue;
    const file = join(releasesDir, entry.name, "manifest.json");
    if (!existsSync(file)) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      parsed = undefined;
    }
    const result = manifestSchema.safeParse(parsed);
    if (!result.success || result.data.version !== entry.name)
      throw new ProjectError(`${file} is not the manifest of edition ${entry.name}.`, "Restore the edition's folder from its archive (<version>.tar.gz), or move the folder out of the releases folder.");
    editions.push(result.data);
  }
  return editions.sort((a, b) => compareVersions(a.version, b.version));
}

/** The edition a new one is compared with: the highest version below it. */
export function previousEdition(editions: readonly Manifest[], version: string): Manifest | null {
  return editions.filter((e) => compareVersions(e.version, version) < 0).at(-1) ?? null;
}
