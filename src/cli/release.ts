import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { BrowserMissingError } from "../browser/find-browser.js";
import { openProject } from "../build/open-project.js";
import { displayPath } from "../load/find-case-files.js";
import { PrintError } from "../print/print-error.js";
import { releaseCasebook } from "../release/release-casebook.js";
import { progressReporter } from "./build.js";
import type { CliIO } from "./io.js";
import { pickFormat, renderDiagnostics } from "./print-diagnostics.js";
import { UsageError } from "./usage.js";

export async function releaseCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      cases: { type: "string" },
      out: { type: "string", default: "dist" },
      "no-pdf": { type: "boolean", default: false },
      format: { type: "string" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError("release needs exactly one version, e.g. `casebook release 2025`.");
  const version = positionals[0]!;
  const format = pickFormat(values.format, io);
  const project = openProject({ cwd: io.cwd, cases: values.cases });
  const out = resolve(io.cwd, values.out);
  const progress = progressReporter(io);
  let result;
  try {
    result = await releaseCasebook(project, { version, out, pdf: !values["no-pdf"], onProgress: progress.update });
  } catch (error) {
    progress.end();
    if (!(error instanceof BrowserMissingError || error instanceof PrintError)) throw error;
    io.stderr(`casebook: ${error.message}\n  hint: ${error.hint}\n`);
    io.stderr("casebook: the release was not written. `casebook release <version> --no-pdf` makes an edition without PDFs.\n");
    return 1;
  }
  progress.end();
  if (result.diagnostics.length > 0) io.stderr(renderDiagnostics(result.diagnostics, format, result.sources, io));
  if (!result.ok) {
    io.stderr(
      `casebook: edition ${version} was not released: a release is strict, and the ${result.blocking.length === 1 ? "problem" : `${result.blocking.length} problems`} above must be fixed first (warnings on drafts excepted: drafts are left out). Nothing was written.\n`,
    );
    return 1;
  }
  const dir = displayPath(result.dir, io.cwd);
  const manifest = result.manifest!;
  const log = result.changelog!;
  io.stdout(`Released edition ${version} (${manifest.date}): ${manifest.cases.length} cases, ${manifest.artifacts.length + 1} files in ${dir}/, archived as ${displayPath(result.archive, io.cwd)}.\n`);
  const counts = [
    [log.added.length, "added"],
    [log.updated.length, "updated"],
    [log.translated.length, "translated"],
    [log.renamed.length, "renamed"],
    [log.withdrawn.length, "withdrawn"],
  ].map(([n, what]) => `${n} ${what}`);
  io.stdout(`Changes since ${log.previous ? `edition ${log.previous}` : "the beginning (first edition)"}: ${counts.join(", ")}; see ${dir}/changelog.md.\n`);
  return 0;
}
