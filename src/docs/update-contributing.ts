import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Vocabularies } from "../../schema/vocabularies.js";
import { CONTRIBUTING_FILES, DOC_LANGUAGES } from "./doc-language.js";
import { RegionError } from "./generated-regions.js";
import { renderContributing } from "./render-contributing.js";

export interface DocsResult {
  /** Files whose generated regions were out of date (and, unless checking, have been rewritten). */
  changed: string[];
  unchanged: string[];
}

/** `casebook docs`: regenerates the tables of CONTRIBUTING.md and CONTRIBUTING.zh.md in `dir`. */
export function updateContributing(dir: string, vocabularies: Vocabularies, options: { check: boolean }): DocsResult {
  const result: DocsResult = { changed: [], unchanged: [] };
  for (const lang of DOC_LANGUAGES) {
    const file = CONTRIBUTING_FILES[lang];
    const path = join(dir, file);
    if (!existsSync(path)) throw new RegionError(`${file} does not exist in ${dir}.`);
    const text = readFileSync(path, "utf8");
    const next = renderContributing(text, lang, vocabularies, file);
    if (next === text) result.unchanged.push(file);
    else {
      result.changed.push(file);
      if (!options.check) writeFileSync(path, next);
    }
  }
  return result;
}
