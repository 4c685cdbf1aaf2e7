import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { CasebookConfig } from "../../schema/config.js";
import { loadVocabularies, type Vocabularies } from "../../schema/vocabularies.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { loadConfig } from "../load/load-config.js";
import { PACKAGE_ROOT } from "../paths/package-root.js";
import { permalinkDiagnostics } from "../validate/permalink-rules.js";
import { ProjectError } from "./project-error.js";

export interface Project {
  cwd: string;
  config?: CasebookConfig;
  casesDir: string;
  vocabulariesDir: string;
  vocabularies: Vocabularies;
  /** Problems with the configuration itself, and the texts to show them with. */
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  currentYear: number;
}

export { ProjectError };

/** The year "now" is: from SOURCE_DATE_EPOCH when set, so builds are reproducible. */
export function currentYear(env: NodeJS.ProcessEnv = process.env): number {
  const epoch = Number(env["SOURCE_DATE_EPOCH"]);
  const date = Number.isFinite(epoch) && env["SOURCE_DATE_EPOCH"] ? new Date(epoch * 1000) : new Date();
  return date.getUTCFullYear();
}

/** Finds the configuration, the cases folder and the vocabularies for a command. */
export function openProject(options: { cwd: string; cases?: string | undefined }): Project {
  const { cwd } = options;
  const loaded = loadConfig(cwd, cwd);
  const casesDir = resolve(cwd, options.cases ?? loaded.config?.cases ?? "cases");
  const local = join(cwd, "schema", "vocabularies");
  const vocabulariesDir = existsSync(local) ? local : join(PACKAGE_ROOT, "schema", "vocabularies");
  const sources = new Map<string, string>();
  if (loaded.file && loaded.source !== undefined) sources.set(loaded.file, loaded.source);
  return {
    cwd,
    ...(loaded.config ? { config: loaded.config } : {}),
    casesDir,
    vocabulariesDir,
    vocabularies: loadVocabularies(vocabulariesDir),
    diagnostics: [...loaded.diagnostics, ...projectPermalinks(loaded, casesDir)],
    sources,
    currentYear: currentYear(),
  };
}

/** The configuration's redirects and withdrawn cases, checked against the case folders that exist. */
function projectPermalinks(loaded: ReturnType<typeof loadConfig>, casesDir: string): Diagnostic[] {
  const { config, file, source } = loaded;
  if (!config || file === undefined || source === undefined) return [];
  if (Object.keys(config.redirects).length === 0 && config.withdrawn.length === 0) return [];
  const caseIds = new Set(existsSync(casesDir) && statSync(casesDir).isDirectory() ? readdirSync(casesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : []);
  return permalinkDiagnostics({ config, file, text: source, caseIds });
}

/** Commands that read cases call this first, so a wrong folder is one clear message. */
export function requireCasesDir(project: Project): void {
  if (!existsSync(project.casesDir) || !statSync(project.casesDir).isDirectory())
    throw new ProjectError(
      `The cases folder ${project.casesDir} does not exist.`,
      "Run the command in a casebook folder, or name the folder with --cases DIR.",
    );
}
