import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { isLanguage, LANGUAGES } from "../../schema/languages.js";
import { BrowserMissingError } from "../browser/find-browser.js";
import { buildCasebook } from "../build/build-casebook.js";
import { openProject } from "../build/open-project.js";
import { displayPath } from "../load/find-case-files.js";
import type { PrintProgress } from "../print/print-casebook.js";
import { PrintError } from "../print/print-error.js";
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
      "no-cache": { type: "boolean", default: false },
      lang: { type: "string", multiple: true },
      format: { type: "string" },
      threads: { type: "string" },
      "wait-search": { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  for (const lang of values.lang ?? [])
    if (!isLanguage(lang)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(", ")}, not "${lang}".`);
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 64))
    throw new UsageError(`--threads must be a whole number from 1 to 64, not "${values.threads}".`);
  const format = pickFormat(values.format, io);
  const project = openProject({ cwd: io.cwd, cases: values.cases });
  const out = resolve(io.cwd, values.out);
  const languages = (values.lang ?? []).filter(isLanguage);
  const pdf = !values["no-pdf"];
  // In CI the processes a job leaves behind are killed when it ends: a background index would be lost.
  const waitForSearch = values["wait-search"] || inCi(io.env);
  const progress = progressReporter(io);
  let result;
  try {
    result = await buildCasebook(project, { out, pdf, cache: !values["no-cache"], waitForSearch, onProgress: progress.update, ...(threads ? { threads } : {}), ...(languages.length ? { languages } : {}) });
  } catch (error) {
    progress.end();
    if (!(error instanceof BrowserMissingError || error instanceof PrintError)) throw error;
    io.stderr(`casebook: ${error.message}\n  hint: ${error.hint}\n`);
    io.stderr(`casebook: nothing was written; ${displayPath(out, io.cwd)} is unchanged. \`casebook build --no-pdf\` builds the website without PDFs.\n`);
    return 1;
  }
  progress.end();
  if (result.diagnostics.length > 0) io.stderr(renderDiagnostics(result.diagnostics, format, result.sources, io));
  if (!result.ok) {
    io.stderr(`casebook: the build stopped before writing anything because of the errors above; ${displayPath(out, io.cwd)} is unchanged.\n`);
    return 1;
  }
  const where = displayPath(out, io.cwd);
  io.stdout(`Built ${result.cases} cases, ${result.pages} pages into ${where}/site/.\n`);
  if (result.updated) {
    const search = waitForSearch ? "the search index was made again too" : "the search index follows in the background";
    io.stdout(`Only the pages of ${result.updated.join(", ")} were made again; ${search}.\n`);
  }
  if (result.print) {
    const books = result.print.books.map((b) => `${b.lang} ${b.pages} pages`).join(", ");
    io.stdout(`Printed ${result.print.books.length} books (${books}) into ${where}/pdf/, and ${result.print.casePdfs} case PDFs.\n`);
  }
  return 0;
}

/**
 * Progress while PDFs are printed: a bar redrawn in place on a terminal (on stderr, so stdout stays
 * clean), plain lines otherwise — one per book pass and one per language's case PDFs.
 */
export function progressReporter(io: CliIO): { update: (p: PrintProgress) => void; end: () => void } {
  let drawn = false;
  let lastLine = "";
  return {
    update(p) {
      if (io.isTTY) {
        const width = 28;
        const filled = Math.round((p.done / Math.max(1, p.total)) * width);
        const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
        io.stderr(`\r\u001b[2KPDF ${bar} ${p.done}/${p.total} ${p.lang}: ${p.step}`.slice(0, 120));
        drawn = true;
        return;
      }
      // Without a terminal: a line per book pass, and one when a language's case PDFs start.
      const line = p.step.startsWith("case ") ? `${p.lang}: case PDFs` : `${p.lang}: ${p.step}`;
      if (line !== lastLine) io.stderr(`PDF ${p.done}/${p.total} ${line}\n`);
      lastLine = line;
    },
    end() {
      if (drawn) io.stderr("\r\u001b[2K");
      drawn = false;
    },
  };
}

/** Whether the command runs in continuous integration (CI set to anything but "", "0" or "false"). */
function inCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env["CI"]?.trim().toLowerCase();
  return ci !== undefined && ci !== "" && ci !== "0" && ci !== "false";
}
