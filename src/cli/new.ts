import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { isCaseId } from "../../schema/case.js";
import { isLanguage, LANGUAGES, type Language } from "../../schema/languages.js";
import { openProject, requireCasesDir, type Project } from "../build/open-project.js";
import { displayPath } from "../load/find-case-files.js";
import { renderNewCase, writeNewCase } from "../scaffold/new-case.js";
import { renderNewTranslation, writeNewTranslation } from "../scaffold/new-translation.js";
import { loadCaseFiles } from "../translations/load-case.js";
import { findOriginal } from "../translations/translation-state.js";
import type { CliIO } from "./io.js";
import { UsageError } from "./usage.js";

export async function newCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { lang: { type: "string" }, translate: { type: "boolean", default: false }, cases: { type: "string" } },
    strict: true,
    allowPositionals: true,
  });
  const [id, ...rest] = positionals;
  if (!id || rest.length) throw new UsageError("casebook new takes exactly one case id, e.g. `casebook new tianjin-thailand-rail-workshop`.");
  if (!isCaseId(id))
    throw new UsageError(`"${id}" is not a valid case id: use lower-case letters, digits and single hyphens (at most 80 characters).`);
  if (values.translate && values.lang === undefined)
    throw new UsageError(`casebook new --translate needs the language to translate into, e.g. \`casebook new ${id} --translate --lang zh\`.`);
  const lang = values.lang ?? "en";
  if (!isLanguage(lang)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(", ")}, not "${lang}".`);
  const project = openProject({ cwd: io.cwd, cases: values.cases });
  requireCasesDir(project);
  const date = new Date().toISOString().slice(0, 10);
  if (values.translate) return newTranslation(project, id, lang, date, io);
  const folder = join(project.casesDir, id);
  if (existsSync(folder)) {
    io.stderr(`casebook: the case ${displayPath(folder, io.cwd)} already exists; nothing was written.\n`);
    io.stderr(`  hint: choose another id, edit the existing files, or start a translation with \`casebook new ${id} --translate --lang L\`.\n`);
    return 1;
  }
  const path = writeNewCase(project.casesDir, id, lang, renderNewCase(lang, project.vocabularies, date));
  io.stdout(`Created ${displayPath(path, io.cwd)} (a draft). Fill it in, then run \`casebook check\`.\n`);
  return 0;
}

/** `casebook new <id> --translate --lang L`: a draft translation of the case's original, stamped with its version. */
function newTranslation(project: Project, id: string, lang: Language, date: string, io: CliIO): number {
  const fail = (message: string, hint: string) => {
    io.stderr(`casebook: ${message}\n  hint: ${hint}\n`);
    return 1;
  };
  const folder = join(project.casesDir, id);
  const files = loadCaseFiles(project.casesDir, id, io.cwd);
  if (files.length === 0)
    return fail(`there is no case ${displayPath(folder, io.cwd)} to translate.`, `Check the id, or write the original first with \`casebook new ${id}\`.`);
  const target = join(folder, `${lang}.md`);
  const original = findOriginal(files);
  if (original?.ref.lang === lang)
    return fail(`${displayPath(target, io.cwd)} is the original of this case; nothing was written.`, "Translate into another language with --lang.");
  if (existsSync(target))
    return fail(
      `${displayPath(target, io.cwd)} already exists; nothing was written.`,
      `Edit it; once it matches the original, record that with \`casebook stamp ${id} --lang ${lang}\`.`,
    );
  if (!original)
    return fail(`the original of ${id} cannot be read, so there is nothing to translate from.`, "Run `casebook check` and fix the errors it reports first.");
  const path = writeNewTranslation(project.casesDir, id, lang, renderNewTranslation(original, lang, project.vocabularies, date));
  io.stdout(
    `Created ${displayPath(path, io.cwd)}, a draft translation of ${original.ref.lang}.md as it is now. Translate it, then run \`casebook check\`.\n`,
  );
  return 0;
}
