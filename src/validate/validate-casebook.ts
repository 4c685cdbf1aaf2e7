import { createCaseSchemas, type CaseSchemas } from "../../schema/case.js";
import type { Vocabularies } from "../../schema/vocabularies.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedCasebook } from "../load/load-casebook.js";
import { assetPaths } from "./rules/asset-paths.js";
import { caseLinks } from "./rules/case-links.js";
import { caseStructure } from "./rules/case-structure.js";
import { outcomeYears } from "./rules/outcome-years.js";
import { recommendedSections } from "./rules/recommended-sections.js";
import type { RuleInput } from "./rules/rule-input.js";
import { validateFile, type ValidatedFile } from "./validate-file.js";

export interface ValidateContext {
  vocabularies: Vocabularies;
  currentYear: number;
  schemas?: CaseSchemas;
}

export interface ValidatedCasebook {
  files: ValidatedFile[];
  byCase: Map<string, ValidatedFile[]>;
  /** Every diagnostic of the load and validate stages, sorted by file, line and column. */
  diagnostics: Diagnostic[];
}

const CROSS_CASE_RULES = [caseStructure, caseLinks, assetPaths, outcomeYears, recommendedSections];

/** Validates every file, then the rules that look across files. Pure: reads nothing from disk. */
export function validateCasebook(loaded: LoadedCasebook, ctx: ValidateContext): ValidatedCasebook {
  const schemas = ctx.schemas ?? createCaseSchemas(ctx.vocabularies);
  const diagnostics = [...loaded.diagnostics];
  const files = loaded.files.map((f) => {
    const result = validateFile(f, schemas);
    diagnostics.push(...result.diagnostics);
    return result.file;
  });
  const byCase = new Map<string, ValidatedFile[]>();
  for (const file of files) byCase.set(file.ref.id, [...(byCase.get(file.ref.id) ?? []), file]);
  const input: RuleInput = {
    files,
    byCase,
    assets: loaded.assets,
    vocabularies: ctx.vocabularies,
    neutralKeys: schemas.neutralKeys,
    currentYear: ctx.currentYear,
  };
  for (const rule of CROSS_CASE_RULES) diagnostics.push(...rule(input));
  return { files, byCase, diagnostics: sortDiagnostics(diagnostics) };
}
