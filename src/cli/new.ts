import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { isCaseId } from "../../schema/case.js";
import { isLanguage, LANGUAGES } from "../../schema/languages.js";
import { openProject, requireCasesDir } from "../build/open-project.js";
import { displayPath } from "../load/find-case-files.js";
import { renderNewCase, writeNewCase } from "../scaffold/new-case.js";
import type { CliIO } from "./io.js";
import { UsageError } from "./usage.js";

export async function newCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { lang: { type: "string", default: "en" }, cases: { type: "string" } },
    strict: true,
    allowPositionals: true,
  });
  const [id, ...rest] = positionals;
  if (!id || rest.length) throw new UsageError("casebook new takes exactly one case id, e.g. `casebook new tianjin-thailand-rail-workshop`.");
  if (!isCaseId(id))
    throw new UsageError(`"${id}" is not a valid case id: use lower-case letters, digits and single hyphens (at most 80 characters).`);
  if (!isLanguage(values.lang)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(", ")}, not "${values.lang}".`);
  const project = openProject({ cwd: io.cwd, cases: values.cases });
  requireCasesDir(project);
  const folder = join(project.casesDir, id);
  if (existsSync(folder)) {
    io.stderr(`casebook: the case ${displayPath(folder, io.cwd)} already exists; nothing was written.\n`);
    io.stderr("  hint: choose another id, or edit the existing files.\n");
    return 1;
  }
  const date = new Date().toISOString().slice(0, 10);
  const path = writeNewCase(project.casesDir, id, values.lang, renderNewCase(values.lang, project.vocabularies, date));
  io.stdout(`Created ${displayPath(path, io.cwd)} (a draft). Fill it in, then run \`casebook check\`.\n`);
  return 0;
}
