import { LANGUAGES, type Language } from "../../schema/languages.js";
import type { LoadedFile } from "../load/load-casebook.js";
import { checkTranslation, findOriginal, isTranslationFile } from "../translations/translation-state.js";

/**
 * One cell of the coverage matrix:
 * - `original`: the language the case was written in;
 * - `translation`: a translation made from the original as it is now;
 * - `stale`: a translation made from an earlier version of the original;
 * - `unversioned`: a translation that does not record which version it was made from;
 * - `unknown`: a file whose frontmatter is too broken to tell (`casebook check` says why);
 * - `missing`: no file in this language.
 */
export const COVERAGE_STATES = ["original", "translation", "stale", "unversioned", "unknown", "missing"] as const;
export type CoverageState = (typeof COVERAGE_STATES)[number];

export interface LanguageCoverage {
  state: CoverageState;
  /** Display path of the file, when it exists. */
  file?: string;
  /** The file's own `status` (a translation has its own), when it is readable. */
  status?: string;
  /** For a translation: the `sourceHash` it records and the original's as it is now. */
  sourceHash?: string;
  currentHash?: string;
}

export interface CaseStatus {
  id: string;
  /** The title of the original. */
  title?: string;
  /** The status of the original, or `unknown` when it cannot be read or is not in the vocabulary. */
  status: string;
  original?: Language;
  languages: Partial<Record<Language, LanguageCoverage>>;
}

export interface TranslationRef {
  id: string;
  lang: Language;
  file: string;
  original: string;
  sourceHash?: string;
  currentHash: string;
}

export interface StatusReport {
  /** The matrix's columns: the configured languages, then any other language a case has. */
  languages: Language[];
  /** Status ids in the vocabulary's order, then `unknown` when some case has none. */
  statuses: string[];
  byStatus: Record<string, string[]>;
  cases: CaseStatus[];
  /** How many cases exist in each language (original or translation of any state). */
  coverage: Partial<Record<Language, number>>;
  stale: TranslationRef[];
  unversioned: TranslationRef[];
}

export interface StatusInput {
  files: readonly LoadedFile[];
  languages: readonly Language[];
  statuses: readonly string[];
}

/** Editors' status report: cases by status and which case exists in which language, and how fresh. Pure. */
export function casebookStatus(input: StatusInput): StatusReport {
  const byCase = new Map<string, LoadedFile[]>();
  for (const f of input.files) byCase.set(f.ref.id, [...(byCase.get(f.ref.id) ?? []), f]);
  const present = new Set(input.files.map((f) => f.ref.lang));
  const languages = LANGUAGES.filter((l) => input.languages.includes(l) || present.has(l));
  const cases: CaseStatus[] = [];
  const stale: TranslationRef[] = [];
  const unversioned: TranslationRef[] = [];
  for (const id of [...byCase.keys()].sort()) {
    const files = byCase.get(id)!;
    const original = findOriginal(files);
    const data = original?.frontmatter?.data;
    const status = typeof data?.["status"] === "string" && input.statuses.includes(data["status"]) ? data["status"] : "unknown";
    const entry: CaseStatus = {
      id,
      ...(typeof data?.["title"] === "string" ? { title: data["title"] } : {}),
      status,
      ...(original ? { original: original.ref.lang } : {}),
      languages: {},
    };
    for (const lang of languages) {
      const file = files.find((f) => f.ref.lang === lang);
      entry.languages[lang] = file ? coverageOf(file, original) : { state: "missing" };
      const cell = entry.languages[lang]!;
      if (file && original && (cell.state === "stale" || cell.state === "unversioned"))
        (cell.state === "stale" ? stale : unversioned).push({
          id,
          lang,
          file: file.ref.display,
          original: original.ref.display,
          ...(cell.sourceHash ? { sourceHash: cell.sourceHash } : {}),
          currentHash: cell.currentHash!,
        });
    }
    cases.push(entry);
  }
  const statuses = [...input.statuses, ...(cases.some((c) => c.status === "unknown") ? ["unknown"] : [])];
  const byStatus = Object.fromEntries(statuses.map((s) => [s, cases.filter((c) => c.status === s).map((c) => c.id)]));
  const coverage = Object.fromEntries(
    languages.map((l) => [l, cases.filter((c) => !["missing", undefined].includes(c.languages[l]?.state)).length]),
  );
  return { languages, statuses, byStatus, cases, coverage, stale, unversioned };
}

function coverageOf(file: LoadedFile, original: LoadedFile | undefined): LanguageCoverage {
  const data = file.frontmatter?.data;
  const base = { file: file.ref.display, ...(typeof data?.["status"] === "string" ? { status: data["status"] } : {}) };
  if (file === original) return { state: "original", ...base };
  if (!data || !original || !isTranslationFile(file)) return { state: "unknown", ...base };
  const check = checkTranslation(original, file);
  if (!check) return { state: "unknown", ...base };
  return {
    state: check.state === "current" ? "translation" : check.state,
    ...base,
    ...(check.recorded ? { sourceHash: check.recorded } : {}),
    currentHash: check.current,
  };
}
