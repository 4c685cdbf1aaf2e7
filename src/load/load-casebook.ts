import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { findCaseFiles, type CaseFileRef } from "./find-case-files.js";
import { listCaseAssets, type CaseAssetListing } from "./list-case-assets.js";
import { parseFrontmatter, type ParsedFrontmatter } from "./parse-frontmatter.js";
import { readCaseFile } from "./read-case-file.js";
import type { SourceText } from "./source-text.js";
import { splitFrontmatter } from "./split-frontmatter.js";

/** One case file as read from disk: its text, its parsed frontmatter and its Markdown body. */
export interface LoadedFile {
  ref: CaseFileRef;
  source?: SourceText;
  frontmatter?: ParsedFrontmatter;
  body?: string;
  bodyOffset?: number;
  /** Where the YAML between the delimiters ends (it starts at `frontmatter.yamlOffset`). */
  yamlEnd?: number;
}

export interface LoadedCasebook {
  files: LoadedFile[];
  /** Asset files of each case, by case id. */
  assets: Map<string, CaseAssetListing>;
  diagnostics: Diagnostic[];
}

/** Reads every case file under `casesDir`. Problems become diagnostics; nothing throws for bad input. */
export function loadCasebook(casesDir: string, cwd: string): LoadedCasebook {
  const found = findCaseFiles(casesDir, cwd);
  const loaded = loadCaseFiles(found.files);
  return { ...loaded, diagnostics: [...found.diagnostics, ...loaded.diagnostics] };
}

/** Reads the given case files and lists their cases' assets (a part of a casebook, for a worker). */
export function loadCaseFiles(refs: readonly CaseFileRef[]): LoadedCasebook {
  const diagnostics: Diagnostic[] = [];
  const assets: LoadedCasebook["assets"] = new Map();
  const files = refs.map((ref) => {
    if (!assets.has(ref.id)) assets.set(ref.id, listCaseAssets(ref.folder));
    const loaded = loadFile(ref);
    diagnostics.push(...loaded.diagnostics);
    return loaded.file;
  });
  return { files, assets, diagnostics };
}

export function loadFile(ref: CaseFileRef): { file: LoadedFile; diagnostics: Diagnostic[] } {
  const read = readCaseFile(ref);
  const file: LoadedFile = { ref };
  if (!read.source) return { file, diagnostics: read.diagnostics };
  file.source = read.source;
  const split = splitFrontmatter(read.source, ref.display);
  if (!split.split) return { file, diagnostics: [...read.diagnostics, ...split.diagnostics] };
  file.body = split.split.body;
  file.bodyOffset = split.split.bodyOffset;
  file.yamlEnd = split.split.yamlOffset + split.split.yaml.length;
  const parsed = parseFrontmatter(split.split, read.source, ref.display);
  file.frontmatter = parsed.frontmatter;
  return { file, diagnostics: [...read.diagnostics, ...parsed.diagnostics] };
}
