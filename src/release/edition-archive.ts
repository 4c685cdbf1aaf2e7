import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ustar, type TarEntry } from "./ustar.js";

/**
 * The `.tar.gz` of an edition folder: every folder and file under `<version>/`, sorted by path,
 * all dated `mtime` (the edition's date, in seconds) and owned by root — reproducible byte for byte.
 */
export function editionArchive(dir: string, version: string, mtime: number): Buffer {
  const entries: TarEntry[] = [{ path: `${version}/` }];
  const walk = (folder: string, prefix: string) => {
    const children = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) {
      const path = `${prefix}${child.name}`;
      if (child.isDirectory()) {
        entries.push({ path: `${path}/` });
        walk(join(folder, child.name), `${path}/`);
      } else if (child.isFile()) entries.push({ path, data: readFileSync(join(folder, child.name)) });
    }
  };
  walk(dir, `${version}/`);
  // Level 9 and no file name or time in the gzip header: the same archive gives the same bytes.
  return gzipSync(ustar(entries, mtime), { level: 9 });
}
