import { existsSync } from "node:fs";
import { join } from "node:path";
import { LANGUAGES } from "../../schema/languages.js";
import { displayPath } from "../load/find-case-files.js";
import { loadFile, type LoadedFile } from "../load/load-casebook.js";

/** The language files of one case that exist on disk, read as `check` reads them. */
export function loadCaseFiles(casesDir: string, id: string, cwd: string): LoadedFile[] {
  const folder = join(casesDir, id);
  const files: LoadedFile[] = [];
  for (const lang of LANGUAGES) {
    const path = join(folder, `${lang}.md`);
    if (!existsSync(path)) continue;
    files.push(loadFile({ id, lang, path, display: displayPath(path, cwd), folder }).file);
  }
  return files;
}
