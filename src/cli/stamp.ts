import { parseArgs } from "node:util";
import { isCaseId } from "../../schema/case.js";
import { isLanguage, LANGUAGES } from "../../schema/languages.js";
import { openProject, requireCasesDir } from "../build/open-project.js";
import { StampError, stampTranslation } from "../translations/stamp-translation.js";
import type { CliIO } from "./io.js";
import { UsageError } from "./usage.js";

/**
 * `casebook stamp <id> --lang L`: records that a translation matches its original as it is now.
 * Besides `new`, the only command that writes into cases/ (one line of one file).
 */
export async function stampCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { lang: { type: "string" }, cases: { type: "string" } },
    strict: true,
    allowPositionals: true,
  });
  const [id, ...rest] = positionals;
  if (!id || rest.length || values.lang === undefined)
    throw new UsageError("casebook stamp takes one case id and the translation's language, e.g. `casebook stamp tianjin-thailand-rail-workshop --lang zh`.");
  if (!isCaseId(id)) throw new UsageError(`"${id}" is not a valid case id.`);
  if (!isLanguage(values.lang)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(", ")}, not "${values.lang}".`);
  const project = openProject({ cwd: io.cwd, cases: values.cases });
  requireCasesDir(project);
  try {
    const { file, original, before, hash } = stampTranslation(project.casesDir, id, values.lang, io.cwd);
    if (before.state === "current") io.stdout(`${file} already records the current version of ${original} (sourceHash ${hash}); nothing was written.\n`);
    else
      io.stdout(
        `${file}: sourceHash ${before.recorded ?? "(none)"} → ${hash}. It now counts as a translation of ${original} as it is today.\n`,
      );
    return 0;
  } catch (error) {
    if (!(error instanceof StampError)) throw error;
    io.stderr(`casebook: ${error.message}\n  hint: ${error.hint}\n`);
    return 1;
  }
}
