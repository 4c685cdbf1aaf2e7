import { createCaseSchemas, type CaseSchemas } from "../../schema/case.js";
import type { Vocabularies } from "../../schema/vocabularies.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedCasebook, LoadedFile } from "../load/load-casebook.js";
import { assetPaths } from "./rules/asset-paths.js";
import { caseLinks } from "./rules/case-links.js";
import { caseStructure } from "./rules/case-structure.js";
import { outcomeYears } from "./rules/outcome-years.js";
import { recommendedSections } from "./rules/recommended-sections.js";
import { translationVersions } from "./rules/translation-versions.js";
import type { RuleInput } from "./rules/rule-input.js";
import { validateFile, type BodyParser, type ValidatedFile } from "./validate-file.js";

export interface ValidateContext {
  vocabularies: Vocabularies;
  currentYear: number;
  schemas?: CaseSchemas;
  /** Every case id of the casebook, when `loaded` is only a part of it (see check-in-parallel.ts). */
  caseIds?: readonly string[];
  /**
   * Each file's own validation, kept for the next call (the live preview): a file whose loaded
   * object is the same is not validated again. Valid only while the schemas stay the same.
   */
  memo?: FileValidationMemo;
}

/** See `ValidateContext.memo`. */
export type FileValidationMemo = WeakMap<LoadedFile, { file: ValidatedFile; diagnostics: Diagnostic[] }>;

export interface ValidatedCasebook {
  files: ValidatedFile[];
  byCase: Map<string, ValidatedFile[]>;
  /** Every diagnostic of the load and validate stages, sorted by file, line and column. */
  diagnostics: Diagnostic[];
}

const CROSS_CASE_RULES = [caseStructure, translationVersions, caseLinks, assetPaths, outcomeYears, recommendedSections];
/** Rules that read the body's links, images and headings: they run again on an exact parse. */
const BODY_RULES = new Set<(input: RuleInput) => unknown>([caseLinks, assetPaths, recommendedSections]);

/**
 * Validates every file, then the rules that look across files. Pure: reads nothing from disk.
 * `parse` reads a body properly where the fast scan cannot vouch for it; without one, the answer is
 * undefined as soon as a body needs it (the caller loads the parser and asks again).
 */
export function validateLoaded(loaded: LoadedCasebook, ctx: ValidateContext, parse?: BodyParser): ValidatedCasebook | undefined {
  const schemas = ctx.schemas ?? createCaseSchemas(ctx.vocabularies);
  const diagnostics = [...loaded.diagnostics];
  const files: ValidatedFile[] = [];
  for (const f of loaded.files) {
    const result: ReturnType<typeof validateFile> = ctx.memo?.get(f) ?? validateFile(f, schemas, parse);
    if (result.needsParse) return undefined;
    ctx.memo?.set(f, result);
    diagnostics.push(...result.diagnostics);
    files.push(result.file);
  }
  const byCase = new Map<string, ValidatedFile[]>();
  for (const file of files) byCase.set(file.ref.id, [...(byCase.get(file.ref.id) ?? []), file]);
  const input: RuleInput = {
    files,
    byCase,
    caseIds: ctx.caseIds ?? [...byCase.keys()],
    assets: loaded.assets,
    vocabularies: ctx.vocabularies,
    neutralKeys: schemas.neutralKeys,
    currentYear: ctx.currentYear,
  };
  const byDisplay = new Map(files.map((f) => [f.ref.display, f]));
  const recheck = new Set<ValidatedFile>();
  const results = CROSS_CASE_RULES.map((rule) => {
    const found = rule(input);
    if (BODY_RULES.has(rule))
      for (const d of found) {
        const file = byDisplay.get(d.file ?? "");
        if (file?.references?.approximate) recheck.add(file);
      }
    return found;
  });
  // A finding in a file that was only scanned quickly: parse it properly and let the body rules
  // report again with exact positions (a quick-scan finding may also vanish, e.g. inside code).
  if (recheck.size > 0) {
    if (!parse) return undefined;
    for (const file of recheck) parse(file);
    const exact = { ...input, files: [...recheck] };
    CROSS_CASE_RULES.forEach((rule, i) => {
      if (!BODY_RULES.has(rule)) return;
      results[i] = [...results[i]!.filter((d) => !recheck.has(byDisplay.get(d.file ?? "")!)), ...rule(exact)];
    });
  }
  for (const found of results) diagnostics.push(...found);
  return { files, byCase, diagnostics: sortDiagnostics(diagnostics) };
}
