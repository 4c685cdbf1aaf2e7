import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Manifest } from "./manifest-schema.js";

/**
 * Every file under `dir`, by its `/`-separated path, sorted by code unit (the same order on every
 * machine), with its size and SHA-256. `skip` names top-level files left out (the manifest itself).
 */
export function listArtifacts(dir: string, skip: ReadonlySet<string> = new Set()): Manifest["artifacts"] {
  const files: string[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(folder, entry.name), path);
      else if (entry.isFile() && !skip.has(path)) files.push(path);
    }
  };
  walk(dir, "");
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return files.map((path) => {
    const bytes = readFileSync(join(dir, path));
    return { path, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
  });
}
