import { parseArgs } from "node:util";
import { checkInParallel } from "../build/check-in-parallel.js";
import { openProject } from "../build/open-project.js";
import { countBySeverity } from "../diagnostics/diagnostic.js";
import type { CliIO } from "./io.js";
import { pickFormat, renderDiagnostics } from "./print-diagnostics.js";

export async function checkCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { cases: { type: "string" }, format: { type: "string" }, strict: { type: "boolean", default: false } },
    strict: true,
    allowPositionals: false,
  });
  const format = pickFormat(values.format, io);
  const project = openProject({ cwd: io.cwd, cases: values.cases });
  const { diagnostics, sources } = await checkInParallel(project);
  const output = renderDiagnostics(diagnostics, format, sources, io);
  if (format === "json" || diagnostics.length > 0) io.stdout(output);
  const { errors, warnings } = countBySeverity(diagnostics);
  return errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
}
