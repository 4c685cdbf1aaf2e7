import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { caseJsonSchema } from "../../schema/json-schema.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { writeAtomically } from "./atomic-output.js";
import { checkCasebook } from "./check-casebook.js";
import type { Project } from "./open-project.js";

export interface BuildOptions {
  out: string;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  written: string[];
}

/** Validates everything first; writes the output only when no file has an error. */
export async function buildCasebook(project: Project, options: BuildOptions): Promise<BuildResult> {
  const checked = checkCasebook(project);
  const result: BuildResult = { ok: false, diagnostics: checked.diagnostics, sources: checked.sources, written: [] };
  if (checked.diagnostics.some((d) => d.fatal)) return result;
  await writeAtomically(options.out, async (dir) => {
    const schemaDir = join(dir, "site", "schema");
    mkdirSync(schemaDir, { recursive: true });
    writeFileSync(join(schemaDir, "case.schema.json"), `${JSON.stringify(caseJsonSchema(project.vocabularies), null, 2)}\n`);
    result.written.push("site/schema/case.schema.json");
  });
  result.ok = true;
  return result;
}
