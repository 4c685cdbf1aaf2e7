import { parseArgs } from "node:util";
import { termIds } from "../../schema/vocabularies.js";
import { LANGUAGES } from "../../schema/languages.js";
import { openProject, requireCasesDir } from "../build/open-project.js";
import { loadCasebook } from "../load/load-casebook.js";
import { casebookStatus } from "../status/casebook-status.js";
import { formatStatus } from "../status/format-status.js";
import { useColor, type CliIO } from "./io.js";
import { UsageError } from "./usage.js";

/** `casebook status [--cases DIR] [--format pretty|json]`: the editors' report. Exit 0 whatever it finds. */
export async function statusCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { cases: { type: "string" }, format: { type: "string", default: "pretty" } },
    strict: true,
    allowPositionals: false,
  });
  if (values.format !== "pretty" && values.format !== "json")
    throw new UsageError(`--format must be pretty or json, not "${values.format}".`);
  const project = openProject({ cwd: io.cwd, cases: values.cases });
  requireCasesDir(project);
  const loaded = loadCasebook(project.casesDir, project.cwd);
  const report = casebookStatus({
    files: loaded.files,
    languages: project.config?.languages ?? LANGUAGES,
    statuses: termIds(project.vocabularies.statuses),
  });
  io.stdout(values.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : formatStatus(report, project.vocabularies, { color: useColor(io) }));
  return 0;
}
