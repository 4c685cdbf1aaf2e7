/**
 * `npm run bench -- --cases 1000,4000,10000 [--json out.json] [--pdf N] [--seed S] [--repeat R] [--wait-idle SECONDS] [--keep] [--no-compile] [--no-snapshot] [--no-preview] [--strict]`
 *
 * For each size: generates a casebook into a temporary folder, then measures the REAL command
 * line as child processes (check; cold, warm and one-edit builds; a baseline), with the peak RSS
 * of each whole process tree. Prints a table and the issue's targets; writes JSON.
 * See bench/results/README.md for the format and the last figures.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateCasebook } from "./generate-cases.js";
import { describeMachine } from "./harness/machine.js";
import { stopRunning } from "./harness/measure.js";
import { formatReport } from "./harness/report.js";
import type { BenchReport, SizeResult, StepResult } from "./harness/results.js";
import { clearBuild, countFiles, dirBytes, editCase, firstLine, pageShows, runStep, searchShows, waitForSearchJobs } from "./harness/steps.js";
import { evaluateTargets } from "./harness/targets.js";
import { measurePreview } from "./harness/preview-step.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "1000,4000" },
    json: { type: "string", default: join(ROOT, "bench", "results", "latest.json") },
    pdf: { type: "string" },
    seed: { type: "string", default: "1" },
    repeat: { type: "string", default: "1" },
    keep: { type: "boolean", default: false },
    "no-compile": { type: "boolean", default: false },
    "no-snapshot": { type: "boolean", default: false },
    strict: { type: "boolean", default: false },
    "wait-idle": { type: "string", default: "120" },
    "no-preview": { type: "boolean", default: false },
  },
  strict: true,
});
const sizes = values.cases.split(",").map((s) => Number(s.trim().replace(/_/g, "")));
const repeat = Number(values.repeat);
if (sizes.some((n) => !Number.isInteger(n) || n < 2) || !Number.isInteger(repeat) || repeat < 1) {
  process.stderr.write("usage: npm run bench -- --cases 1000,4000,10000 [--json out.json] [--pdf N] [--seed S] [--repeat R] [--wait-idle SECONDS] [--keep] [--no-compile] [--no-snapshot] [--no-preview] [--strict]\n");
  process.exit(2);
}
// Other jobs on a shared machine inflate wall times: before each run, wait up to this many seconds
// for the other processes to use less than a quarter of a CPU (0 disables; every run records the load it saw).
const idle = Number(values["wait-idle"]) > 0 ? { maxCpus: 0.25, limitMs: Number(values["wait-idle"]) * 1000 } : undefined;
const pdfSize = values.pdf === undefined ? undefined : Number(values.pdf);
const jsonPath = resolve(values.json);
const log = (line: string) => process.stderr.write(`${line}\n`);

const report: BenchReport = {
  format: "casebook-bench/1",
  startedAt: new Date().toISOString(),
  finishedAt: "",
  argv: process.argv.slice(2),
  machine: describeMachine(ROOT),
  compile: { ran: false, ok: true, ms: 0, errors: [] },
  sizes: [],
  pdf: null,
  targets: [],
};
const save = () => {
  report.targets = evaluateTargets(report.sizes);
  mkdirSync(dirname(jsonPath), { recursive: true });
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
};

// Measure what the sources say now: compile and bundle lib/ as `npm ci` would (tsc emits even with type errors).
if (!values["no-compile"]) {
  log("compiling lib/ (tsc -p tsconfig.build.json, then scripts/bundle-cli.mjs)…");
  const t = performance.now();
  report.compile.ran = true;
  try {
    execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "pipe" });
  } catch (error) {
    report.compile.ok = false;
    report.compile.errors = String((error as { stdout?: Buffer }).stdout ?? error).split("\n").filter((l) => /error TS/.test(l));
    log(`  tsc reported ${report.compile.errors.length} error(s); measuring the emitted code anyway:\n  ${report.compile.errors.slice(0, 5).join("\n  ")}`);
  }
  execFileSync(process.execPath, [join(ROOT, "scripts", "bundle-cli.mjs")], { cwd: ROOT, stdio: "inherit" });
  report.compile.ms = Math.round(performance.now() - t);
}
const baselineScript = await compileBaseline();

const temps: string[] = [];
// Others may recompile lib/ while a long run goes on: measure a private copy of the code, frozen now.
const BIN = values["no-snapshot"] ? join(ROOT, "bin", "casebook.js") : join(snapshotCode(), "bin", "casebook.js");
report.compile.measured = dirname(dirname(BIN));
function project(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `casebook-bench-${label}-`));
  temps.push(dir);
  copyFileSync(join(ROOT, "casebook.config.yaml"), join(dir, "casebook.config.yaml"));
  return dir;
}

// Interrupted (Ctrl-C, kill): stop the measured command, keep what was measured, remove the temporary folders.
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    stopRunning();
    report.finishedAt = new Date().toISOString();
    save();
    if (!values.keep) for (const dir of temps) rmSync(dir, { recursive: true, force: true });
    log(`\ninterrupted by ${signal}; partial results in ${jsonPath}`);
    process.exit(130);
  });

try {
  for (const cases of sizes) {
    log(`\n— ${cases} cases —`);
    report.sizes.push(await measureSize(cases));
    save();
  }
  if (pdfSize !== undefined) {
    log(`\n— PDF of ${pdfSize} cases —`);
    report.pdf = await measurePdf(pdfSize);
  }
} finally {
  report.finishedAt = new Date().toISOString();
  save();
  if (!values.keep) for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  else log(`kept: ${temps.join(" ")}`);
}
process.stdout.write(`\n${formatReport(report)}\nJSON: ${jsonPath}\n`);
const failedStep = report.sizes.some((s) => Object.values(s.steps).some((st) => !st.ok));
const failedTarget = report.targets.some((t) => t.official && !t.pass);
process.exitCode = failedStep || (values.strict && failedTarget) ? 1 : 0;

async function measureSize(cases: number): Promise<SizeResult> {
  const cwd = project(String(cases));
  const casesDir = join(cwd, "cases");
  const t = performance.now();
  const gen = generateCasebook({ count: cases, seed: values.seed, dir: casesDir });
  const size: SizeResult = {
    cases,
    seed: values.seed,
    generated: { files: gen.files, translations: gen.translations, images: gen.images, words: gen.words.total, markdownAndSvgBytes: gen.bytes, ms: Math.round(performance.now() - t) },
    steps: {},
    ratio: null,
  };
  log(`generated ${gen.files} files (${(gen.bytes / 1e6).toFixed(1)} MB) in ${size.generated.ms} ms into ${cwd}`);
  const build = [BIN, "build", "--no-pdf", "--cases", "cases", "--out", "dist"];
  const built = (m: { stdout: string }) => ({
    builtLine: firstLine(m.stdout),
    htmlFiles: countFiles(join(cwd, "dist", "site"), ".html"),
    pagefindFiles: countFiles(join(cwd, "dist", "site", "pagefind"), ""),
    siteBytes: dirBytes(join(cwd, "dist", "site")),
    cacheBytes: dirBytes(join(cwd, ".casebook-cache")),
  });
  const show = (s: StepResult) => {
    log(`  ${s.step.padEnd(8)} ${(s.wallMs / 1000).toFixed(2).padStart(8)} s  peak ${(s.peakRssBytes / 2 ** 20).toFixed(0).padStart(5)} MiB  ${s.ok ? "" : `FAILED ${s.note ?? ""}`}`);
    return s;
  };

  size.steps.check = show(
    await runStep({
      step: "check", cases, cwd, repeat, idle, args: [BIN, "check", "--cases", "cases"],
      check: (m) => {
        const lines = m.stdout.split("\n").filter((l) => /\b(error|warning)\b/.test(l)).length;
        return { ok: m.exitCode === 0, ...(m.stdout.trim() ? { note: `check printed diagnostics (${lines} lines): the generated casebook should be clean` } : {}) };
      },
    }),
  );
  const baselineOut = join(cwd, "baseline-out");
  size.steps.baseline = show(
    await runStep({
      step: "baseline", cases, cwd, repeat, idle, args: [baselineScript, "--cases", casesDir, "--out", baselineOut],
      prepare: () => rmSync(baselineOut, { recursive: true, force: true }),
      check: (m) => {
        try {
          return { ok: m.exitCode === 0, details: JSON.parse(m.stdout.trim().split("\n").pop() ?? "") as Record<string, unknown> };
        } catch {
          return { ok: false, note: `baseline printed no result: ${firstLine(m.stderr)}` };
        }
      },
    }),
  );
  size.steps.cold = show(
    await runStep({
      step: "cold", cases, cwd, repeat, idle, args: build,
      prepare: () => clearBuild(cwd),
      check: (m) => ({ ok: m.exitCode === 0 && existsSync(join(cwd, "dist", "site")), details: built(m) }),
    }),
  );
  size.steps.warm = show(
    await runStep({ step: "warm", cases, cwd, repeat, idle, args: build, check: (m) => ({ ok: m.exitCode === 0, details: built(m) }) }),
  );
  const edited = [...gen.ids].sort()[Math.floor(gen.ids.length / 2)]!;
  const marker = (k: number) => `benchedit${cases}x${k + 1}`;
  size.steps.edit = show(
    await runStep({
      step: "edit", cases, cwd, repeat, idle, args: build,
      prepare: (k) => editCase(casesDir, edited, marker(k)),
      check: (m, k) => {
        const pageUpdated = pageShows(join(cwd, "dist", "site"), edited, marker(k));
        // measure() waited for the descendants it saw; a detached search job may have started just
        // as the command exited, so wait for Casebook's job files too before reading the index.
        const searchFollowedMs = waitForSearchJobs(cwd);
        const searchUpdated = searchShows(join(cwd, "dist", "site"), marker(k));
        return {
          ok: m.exitCode === 0,
          ...(pageUpdated ? {} : { note: "the edited case's page did not show the edit" }),
          details: { editedCase: edited, pageUpdated, searchUpdated, searchFollowedMs, ...built(m) },
        };
      },
    }),
  );
  if (!values["no-preview"]) {
    size.steps.preview = show(
      await measurePreview({
        cases, cwd, repeat: Math.max(3, repeat), caseId: edited,
        args: [BIN, "dev", "--port", "0", "--cases", "cases"],
        edit: (k) => {
          const word = `benchpreview${cases}x${k + 1}`;
          editCase(casesDir, edited, word);
          return word;
        },
      }),
    );
  }
  const phases = size.steps.baseline.details as { unifiedMs?: number; pagefindMs?: number } | undefined;
  if (size.steps.cold.ok && size.steps.baseline.ok && phases?.unifiedMs && phases.pagefindMs)
    size.ratio = Math.round((size.steps.cold.wallMs / (phases.unifiedMs + phases.pagefindMs)) * 100) / 100;
  if (size.steps.cold.ok && size.steps.baseline.ok && size.steps.baseline.cpuMs > 0)
    size.cpuRatio = Math.round((size.steps.cold.cpuMs / size.steps.baseline.cpuMs) * 100) / 100;
  return size;
}

async function measurePdf(cases: number): Promise<StepResult> {
  const cwd = project(`pdf-${cases}`);
  generateCasebook({ count: cases, seed: values.seed, dir: join(cwd, "cases") });
  const step = await runStep({
    step: "pdf", cases, cwd, repeat: 1, idle, args: [BIN, "build", "--cases", "cases", "--out", "dist"],
    prepare: () => clearBuild(cwd),
    check: (m) => {
      const dir = join(cwd, "dist", "pdf");
      const pdfs = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".pdf")) : [];
      const sizes = Object.fromEntries(pdfs.map((f) => [f, readFileSync(join(dir, f)).length]));
      const details = { books: sizes, pdfFiles: countFiles(dir, ".pdf"), printed: m.stdout.split("\n").filter((l) => /\bPDF|Printed\b/i.test(l)) };
      if (m.exitCode === 0 && pdfs.length > 0) return { ok: true, details };
      return { ok: false, note: `not available: ${m.exitCode === 0 ? "the build wrote no PDF" : `exit ${m.exitCode}`} (${firstLine(m.stdout + m.stderr)})`, details };
    },
  });
  log(`  pdf ${step.ok ? `${(step.wallMs / 1000).toFixed(2)} s` : step.note}`);
  return step;
}

/** A copy of the runnable package (bin, lib, schema, themes, scripts, package.json; node_modules linked). */
function snapshotCode(): string {
  const dir = mkdtempSync(join(tmpdir(), "casebook-bench-code-"));
  temps.push(dir);
  for (const name of ["bin", "lib", "schema", "themes", "scripts", "package.json"])
    if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  log(`measuring a snapshot of the compiled code in ${dir}`);
  return dir;
}

/** The baseline runs as plain JavaScript (no loader in its process tree): transpile it once. */
async function compileBaseline(): Promise<string> {
  const { default: ts } = await import("typescript");
  const source = readFileSync(join(ROOT, "bench", "baseline.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  const out = join(ROOT, "bench", ".build", "baseline.mjs");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, outputText);
  return out;
}
