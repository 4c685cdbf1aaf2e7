import { basename } from "node:path";
import type { Vocabularies } from "../../schema/vocabularies.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { textHash, type FileFindings, type LoadCache, type LoadedCaseRecord, type LoadedFileRecord } from "../cache/load-cache.js";
import { findCaseFiles, type CaseFileRef } from "../load/find-case-files.js";
import { listCaseAssets } from "../load/list-case-assets.js";
import { loadFile, type LoadedCasebook, type LoadedFile } from "../load/load-casebook.js";
import { lazyFrontmatter } from "../load/parse-frontmatter.js";
import { readCaseFile } from "../load/read-case-file.js";
import { validateCasebook, type ValidatedCasebook } from "../validate/validate-casebook.js";
import type { FileValidationMemo } from "../validate/validate-loaded.js";
import type { ValidatedFile } from "../validate/validate-file.js";

export interface LoadCasesOptions {
  vocabularies: Vocabularies;
  currentYear: number;
  /** The cache of loaded cases, and each case folder's content hash by folder name. */
  cache?: { loads: LoadCache; folders: ReadonlyMap<string, string> };
}

/**
 * Loads and validates every case, as `loadCasebook` and `validateCasebook` do, taking the files of
 * an unchanged case folder from the load cache when it has them: their texts are read again (and
 * must be the ones the record was made from), but not split, parsed or validated again. The result
 * is the same, diagnostics included (the rules that look across files always run).
 */
export function loadCases(casesDir: string, cwd: string, options: LoadCasesOptions): { loaded: LoadedCasebook; validated: ValidatedCasebook } {
  const found = findCaseFiles(casesDir, cwd);
  const memo: FileValidationMemo = new WeakMap();
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  const assets: LoadedCasebook["assets"] = new Map();
  const files: LoadedFile[] = [];
  // Cases loaded anew, to be kept when they are clean: their files and the load's own diagnostics.
  const fresh = new Map<string, { name: string; hash: string; record: LoadedCaseRecord | undefined; files: { file: LoadedFile; clean: boolean }[] }>();
  const cache = options.cache;
  for (const refs of byCase(found.files)) {
    const { id, folder } = refs[0]!;
    const name = basename(folder);
    const hash = cache?.folders.get(name);
    const record = hash ? cache!.loads.get(name, hash) : undefined;
    const loadedAnew: { file: LoadedFile; clean: boolean }[] = [];
    assets.set(id, record?.assets ?? listCaseAssets(folder));
    for (const ref of refs) {
      const kept = record?.files.find((f) => f.path === ref.path);
      const file = kept && fromRecord(ref, kept, memo);
      if (file) {
        files.push(file);
        continue;
      }
      const loaded = loadFile(ref);
      diagnostics.push(...loaded.diagnostics);
      files.push(loaded.file);
      loadedAnew.push({ file: loaded.file, clean: loaded.diagnostics.length === 0 });
    }
    if (cache && hash && (!record || loadedAnew.length > 0)) fresh.set(id, { name, hash, record, files: loadedAnew });
  }
  const loaded: LoadedCasebook = { files, assets, diagnostics };
  const validated = validateCasebook(loaded, { vocabularies: options.vocabularies, currentYear: options.currentYear, memo });
  if (cache)
    for (const [id, { name, hash, record, files: anew }] of fresh) {
      const listing = assets.get(id)!;
      if (listing.truncated || (listing.unsafe?.size ?? 0) > 0) continue;
      const kept = record?.files ?? [];
      const records = anew.flatMap(({ file, clean }) => {
        const result = memo.get(file);
        const record = clean && result && result.diagnostics.length === 0 ? toRecord(result.file) : undefined;
        return record ? [record] : [];
      });
      cache.loads.set(name, hash, { files: [...kept.filter((k) => !records.some((r) => r.path === k.path)), ...records], assets: listing });
    }
  return { loaded, validated };
}

/** The case's files in runs by case, as `findCaseFiles` lists them (a case's files together). */
function byCase(refs: readonly CaseFileRef[]): CaseFileRef[][] {
  const runs: CaseFileRef[][] = [];
  for (const ref of refs) {
    const last = runs.at(-1);
    if (last && last[0]!.folder === ref.folder) last.push(ref);
    else runs.push([ref]);
  }
  return runs;
}

/** A file as its record says it was loaded and validated, when its text is still the one recorded. */
function fromRecord(ref: CaseFileRef, record: LoadedFileRecord, memo: FileValidationMemo): LoadedFile | undefined {
  const read = readCaseFile(ref);
  if (!read.source || read.diagnostics.length > 0 || textHash(read.source.text) !== record.text) return undefined;
  const text = read.source.text;
  const file: LoadedFile = {
    ref,
    source: read.source,
    frontmatter: lazyFrontmatter(text.slice(record.yamlOffset, record.yamlEnd), record.yamlOffset, record.data),
    body: text.slice(record.bodyOffset),
    bodyOffset: record.bodyOffset,
    yamlEnd: record.yamlEnd,
  };
  memo.set(file, { file: { ...file, ...findings(record) }, diagnostics: [] });
  return file;
}

/** The findings of a validated file or of its record, without the properties it lacks. */
function findings(from: FileFindings): FileFindings {
  return {
    isTranslation: from.isTranslation,
    ...(from.original ? { original: from.original } : {}),
    ...(from.translation ? { translation: from.translation } : {}),
    ...(from.references ? { references: from.references } : {}),
  };
}

/** What a clean file's record keeps (undefined for a file that was not read whole). */
function toRecord(file: ValidatedFile): LoadedFileRecord | undefined {
  if (!file.source || !file.frontmatter?.data || file.bodyOffset === undefined || file.yamlEnd === undefined) return undefined;
  return {
    path: file.ref.path,
    text: textHash(file.source.text),
    yamlOffset: file.frontmatter.yamlOffset,
    yamlEnd: file.yamlEnd,
    bodyOffset: file.bodyOffset,
    data: file.frontmatter.data,
    ...findings(file),
  };
}
