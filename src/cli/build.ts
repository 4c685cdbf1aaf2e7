import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { isLanguage, LANGUAGES } from "../../schema/languages.js";
import { buildCasebook } from "../build/build-casebook.js";
import { openProject } from "../build/open-project.js";
import { displayPath } from "../load/find-case-files.js";
import type { CliIO } from "./io.js";
import { pickFormat, renderDiagnostics } from "./print-diagnostics.js";
import { UsageError } from "./usage.js";

export async function buildCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      cases: { type: "string" },
      out: { type: "string", default: "dist" },
      "no-pdf": { type: "boolean", default: false },
      lang: { type: "string", multiple: true },
      format: { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  });
  for (const lang of values.lang ?? [])
    if (!isLanguage(lang)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(", ")}, not "${lang}".`);
  const format = pickFormat(values.format, io);
  const project = openProject({ cwd: io.cwd, cases: values.cases });
  const out = resolve(io.cwd, values.out);
  const languages = (values.lang ?? []).filter(isLanguage);
  const result = await buildCasebook(project, { out, pdf: !values["no-pdf"], ...(languages.length ? { languages } : {}) });
  if (result.diagnostics.length > 0) io.stderr(renderDiagnostics(result.diagnostics, format, result.sources, io));
  if (!result.ok) {
    io.stderr(`casebook: the build stopped before writing anything because of the errors above; ${displayPath(out, io.cwd)} is unchanged.\n`);
    return 1;
  }
  io.stdout(`Built ${result.cases} cases, ${result.pages} pages into ${displayPath(out, io.cwd)}/site/ (the PDF is not implemented yet: see README).\n`);
  return 0;
}
