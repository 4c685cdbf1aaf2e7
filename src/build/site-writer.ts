import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Writes files into a site folder by their site path, making each folder once. */
export function siteWriter(siteDir: string): { target: (file: string) => string; write: (file: string, content: string | Uint8Array) => void } {
  const made = new Set<string>();
  const target = (file: string) => {
    const path = join(siteDir, file);
    const dir = dirname(path);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    return path;
  };
  return { target, write: (file, content) => writeFileSync(target(file), content) };
}
