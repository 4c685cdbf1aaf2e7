import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { loadCasebook } from "../load/load-casebook.js";
import { validateCasebook, type ValidatedCasebook } from "../validate/validate-casebook.js";
import { requireCasesDir, type Project } from "./open-project.js";

export interface CheckResult {
  casebook: ValidatedCasebook;
  diagnostics: Diagnostic[];
  /** File texts by display path, for code frames. */
  sources: Map<string, string>;
}

/** Loads and validates every case of a project: the `check` command and the first stage of a build. */
export function checkCasebook(project: Project): CheckResult {
  requireCasesDir(project);
  const loaded = loadCasebook(project.casesDir, project.cwd);
  const casebook = validateCasebook(loaded, { vocabularies: project.vocabularies, currentYear: project.currentYear });
  const sources = new Map(project.sources);
  for (const file of loaded.files) if (file.source) sources.set(file.ref.display, file.source.text);
  return { casebook, diagnostics: sortDiagnostics([...project.diagnostics, ...casebook.diagnostics]), sources };
}
