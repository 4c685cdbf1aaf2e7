import type { Vocabularies } from "../../schema/vocabularies.js";
import { diagnosticRecord, type DiagnosticRecord } from "../cache/diagnostic-record.js";
import type { CaseFileRef } from "../load/find-case-files.js";
import { loadCaseFiles } from "../load/load-casebook.js";
import { validateCasebook } from "../validate/validate-casebook.js";

/** What a part of a casebook needs to be checked on its own, in this thread or in a worker. */
export interface CheckPartInput {
  /** The files of whole cases: a case is never split between parts. */
  refs: CaseFileRef[];
  /** Every case id of the casebook, for `case:` links into other parts. */
  caseIds: string[];
  vocabularies: Vocabularies;
  currentYear: number;
}

/** Plain data, so that it crosses from a worker thread unchanged. */
export interface CheckPartResult {
  diagnostics: DiagnosticRecord[];
  /** The texts of the files the diagnostics are about, for their code frames. */
  sources: [file: string, text: string][];
}

/** Loads and validates a part of a casebook, as `checkCasebook` does for the whole. */
export function checkPart(input: CheckPartInput): CheckPartResult {
  const loaded = loadCaseFiles(input.refs);
  const validated = validateCasebook(loaded, { vocabularies: input.vocabularies, currentYear: input.currentYear, caseIds: input.caseIds });
  const about = new Set(validated.diagnostics.map((d) => d.file));
  const sources: [string, string][] = [];
  for (const file of loaded.files) if (file.source && about.has(file.ref.display)) sources.push([file.ref.display, file.source.text]);
  return { diagnostics: validated.diagnostics.map(diagnosticRecord), sources };
}
