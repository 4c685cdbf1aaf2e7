import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { configSchema, type CasebookConfig } from "../../schema/config.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { schemaDiagnostics } from "../validate/schema-diagnostics.js";
import { displayPath } from "./find-case-files.js";
import { SourceText } from "./source-text.js";

export const CONFIG_FILES = ["casebook.config.yaml", "casebook.config.yml", "casebook.config.json"];

export interface LoadedConfig {
  config?: CasebookConfig;
  /** Display path of the config file, when one was found. */
  file?: string;
  source?: string;
  diagnostics: Diagnostic[];
}

/** Reads `casebook.config.*` from the project folder; reports problems at their line like a case. */
export function loadConfig(projectDir: string, cwd: string): LoadedConfig {
  const name = CONFIG_FILES.find((f) => existsSync(join(projectDir, f)));
  if (!name) return { diagnostics: [] };
  const path = join(projectDir, name);
  const file = displayPath(path, cwd);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    // A folder or an unreadable file by that name is a problem with the project, not a crash.
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    return { file, diagnostics: [createDiagnostic({ ruleId: "file-unreadable", file, place: { start: { line: 1, column: 1 } }, reason: `The configuration could not be read (${code}).` })] };
  }
  const source = new SourceText(text);
  // JSON is YAML, so one parser gives positions for both.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    return {
      file,
      source: text,
      diagnostics: [
        createDiagnostic({
          ruleId: "frontmatter-syntax",
          file,
          place: source.range(first.pos[0], first.pos[1]),
          reason: `The configuration cannot be read: ${first.message.split("\n")[0]}`,
        }),
      ],
    };
  }
  const result = configSchema.safeParse(doc.toJS(), { reportInput: true });
  if (result.success) return { config: result.data, file, source: text, diagnostics: [] };
  return {
    file,
    source: text,
    diagnostics: schemaDiagnostics(result.error.issues, { doc, yamlOffset: 0, source, display: file, schema: configSchema }),
  };
}
