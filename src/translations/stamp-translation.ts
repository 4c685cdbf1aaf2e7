import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Language } from "../../schema/languages.js";
import { displayPath } from "../load/find-case-files.js";
import { loadCaseFiles } from "./load-case.js";
import { setSourceHash } from "./set-source-hash.js";
import { checkTranslation, findOriginal, isTranslationFile, type TranslationCheck } from "./translation-state.js";

export interface StampResult {
  /** Display paths of the translation and of its original. */
  file: string;
  original: string;
  /** Where the translation stood before; `current` means nothing was written. */
  before: TranslationCheck;
  hash: string;
}

/** Why a translation cannot be stamped, with what to do about it. */
export class StampError extends Error {
  override name = "StampError";
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/**
 * `casebook stamp`: records in `cases/<id>/<lang>.md` that the translation matches its original as
 * it is now, by writing the original's `sourceHash`. Keeps the file's byte-order mark and line endings.
 */
export function stampTranslation(casesDir: string, id: string, lang: Language, cwd: string): StampResult {
  const files = loadCaseFiles(casesDir, id, cwd);
  const translation = files.find((f) => f.ref.lang === lang);
  if (files.length === 0)
    throw new StampError(`There is no case \`${id}\` in ${displayPath(casesDir, cwd)}/.`, "Check the case id: it is the name of the case's folder.");
  if (!translation)
    throw new StampError(
      `The case \`${id}\` has no ${lang}.md.`,
      `Start a translation with \`casebook new ${id} --translate --lang ${lang}\`.`,
    );
  const original = findOriginal(files);
  if (!translation.frontmatter?.data || !original || original.frontmatter?.data === undefined)
    throw new StampError(
      `The frontmatter of \`${id}\` cannot be read well enough to compare the translation with its original.`,
      "Run `casebook check` and fix the errors it reports first.",
    );
  if (!isTranslationFile(translation))
    throw new StampError(
      `${translation.ref.display} is the original of the case, not a translation.`,
      "Stamp a translation: a language file with `translatedFrom`.",
    );
  const before = checkTranslation(original, translation);
  if (!before)
    throw new StampError(
      `${translation.ref.display} cannot be compared with ${original.ref.display}: \`translatedFrom\` or \`sourceHash\` is wrong.`,
      "Run `casebook check` and fix the errors it reports first.",
    );
  const result = { file: translation.ref.display, original: original.ref.display, before, hash: before.current };
  if (before.state === "current") return result;
  writeKeepingStyle(translation.ref.path, setSourceHash(translation, before.current));
  const after = loadCaseFiles(casesDir, id, cwd);
  const check = checkTranslation(findOriginal(after)!, after.find((f) => f.ref.lang === lang)!);
  if (check?.state !== "current") throw new Error(`stamping ${translation.ref.display} did not take effect`);
  return result;
}

/** Writes normalized text back with the byte-order mark and CRLF line endings the file had, atomically. */
function writeKeepingStyle(path: string, text: string): void {
  const raw = readFileSync(path, "utf8");
  let out = raw.includes("\r\n") ? text.replace(/\n/g, "\r\n") : text;
  if (raw.charCodeAt(0) === 0xfeff) out = `\ufeff${out}`;
  const temp = join(dirname(path), `.${process.pid}.stamp.tmp`);
  writeFileSync(temp, out);
  renameSync(temp, path);
}
