import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { startCheckWorkers } from "../build/check-workers.js";
import type { CliIO } from "./io.js";

export async function checkCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { cases: { type: "string" }, format: { type: "string" }, strict: { type: "boolean", default: false } },
    strict: true,
    allowPositionals: false,
  });
  // The worker threads start first, from the cases folder named on the command line or the usual
  // one, and import the pipeline while this thread imports it too (see check-workers.ts).
  const started = startCheckWorkers(resolve(io.cwd, values.cases ?? "cases"));
  try {
    const [{ checkInParallel }, { openProject }, { countBySeverity }, { pickFormat, renderDiagnostics }] = await Promise.all([
      import("../build/check-in-parallel.js"),
      import("../build/open-project.js"),
      import("../diagnostics/diagnostic.js"),
      import("./print-diagnostics.js"),
    ]);
    const format = pickFormat(values.format, io);
    const project = openProject({ cwd: io.cwd, cases: values.cases });
    const { diagnostics, sources } = await checkInParallel(project, started);
    const output = renderDiagnostics(diagnostics, format, sources, io);
    if (format === "json" || diagnostics.length > 0) io.stdout(output);
    const { errors, warnings } = countBySeverity(diagnostics);
    return errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
  } finally {
    for (const worker of started) void worker.stop();
  }
}
