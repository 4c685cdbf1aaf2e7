/**
 * `npx tsx bench/print-bench.ts [--cases 400] [--lang en] [--seed 1] [--no-sample] [--no-compile] [--wait-idle SECONDS] [--json FILE] [--keep] [--stage-only]`
 *
 * The print benchmark of issue 4. Measures, as child processes of plain `node` running the compiled
 * CLI (`lib/`), with the peak RSS of the whole process tree (Chromium's processes included):
 *
 * 1. the bundled sample casebook: `casebook build` with and without PDFs, in every language, and in
 *    one language, so that the PDF's share and whether memory grows with the number of books show;
 * 2. a generated casebook of N cases (bench/generate-cases.ts): `casebook build --lang L` with and
 *    without PDFs (the book plus one PDF per case), and the print stage alone (`print-stage.mjs`
 *    below), with the time of each step: loading the book, each printing, finishing, cutting the
 *    case PDFs.
 *
 * `--stage-only` skips everything but the generated casebook's print stage (for profiling).
 *
 * Target (issue 4, 2 cores): the 400-case book in one language in under 60 s end to end.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { generateCasebook } from "./generate-cases.js";
import { measure, waitForIdle, type Measurement } from "./harness/measure.js";
import { childEnv } from "./harness/steps.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "400" },
    lang: { type: "string", default: "en" },
    seed: { type: "string", default: "1" },
    "no-sample": { type: "boolean", default: false },
    "no-compile": { type: "boolean", default: false },
    "wait-idle": { type: "string", default: "60" },
    json: { type: "string" },
    keep: { type: "boolean", default: false },
    "stage-only": { type: "boolean", default: false },
  },
  strict: true,
});
const cases = Number(values.cases);
const lang = values.lang;
const MiB = 1024 * 1024;
const TARGET_S = 60;

interface Row {
  what: string;
  command: string;
  wallS: number;
  cpuS: number;
  peakRssMiB: number;
  otherCpus: number;
  ok: boolean;
  note?: string | undefined;
  steps?: Record<string, number> | undefined;
}
const rows: Row[] = [];

if (!values["no-compile"]) execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
const work = mkdtempSync(join(tmpdir(), "casebook-print-bench-"));

/** One measured run of `node <args>` in `cwd`, after waiting for the machine to be quiet. */
async function run(what: string, cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Measurement> {
  const idle = Number(values["wait-idle"]);
  if (idle > 0) await waitForIdle(0.25, idle * 1000);
  const m = await measure(process.execPath, args, { cwd, env: { ...childEnv(), SOURCE_DATE_EPOCH: "1767225600", ...env } });
  const steps = /^STEPS (.*)$/m.exec(m.stdout)?.[1];
  rows.push({
    what,
    command: `node ${args.map((a) => a.replace(work, "$TMP").replace(ROOT, ".")).join(" ")}`,
    wallS: m.wallMs / 1000,
    cpuS: m.cpuMs / 1000,
    peakRssMiB: m.peakRssBytes / MiB,
    otherCpus: m.foreignCpus,
    ok: m.exitCode === 0,
    note: m.exitCode === 0 ? (m.stdout.match(/Printed .*|Built .*/g) ?? []).join(" ").slice(0, 160) : m.stderr.trim().split("\n").slice(-3).join(" "),
    steps: steps ? (JSON.parse(steps) as Record<string, number>) : undefined,
  });
  process.stdout.write(`  ${what}: ${(m.wallMs / 1000).toFixed(1)} s, peak RSS ${(m.peakRssBytes / MiB).toFixed(0)} MiB${m.exitCode === 0 ? "" : " FAILED"}\n`);
  return m;
}

// The print stage alone, in compiled code: load and link the casebook, print one language, write nothing.
const stageScript = join(work, "print-stage.mjs");
writeFileSync(
  stageScript,
  `import { performance } from "node:perf_hooks";
const lib = (p) => import(${JSON.stringify(pathToFileURL(join(ROOT, "lib")).href)} + "/" + p);
const { openProject } = await lib("src/build/open-project.js");
const { loadCasebook } = await lib("src/load/load-casebook.js");
const { validateCasebook } = await lib("src/validate/validate-casebook.js");
const { linkCasebook } = await lib("src/link/link-casebook.js");
const { printCasebook } = await lib("src/print/print-casebook.js");
const { readBookIntros } = await lib("src/print/introduction.js");
const [cwd, lang] = process.argv.slice(2);
const project = openProject({ cwd });
const loaded = loadCasebook(project.casesDir, cwd);
const validated = validateCasebook(loaded, { vocabularies: project.vocabularies, currentYear: project.currentYear });
const book = linkCasebook(validated, loaded, { config: { ...project.config, languages: [lang] }, vocabularies: project.vocabularies, includeDrafts: false });
const steps = {};
let last = performance.now();
let step = "start";
const mark = (next) => { const now = performance.now(); steps[step] = (steps[step] ?? 0) + (now - last) / 1000; step = next; last = now; };
let bytes = 0;
await printCasebook(book, {
  themeDir: ${JSON.stringify(join(ROOT, "themes", "default"))},
  buildDate: "2026-01-01T00:00:00Z",
  intros: readBookIntros(cwd),
  onProgress: (p) => { const name = p.step.startsWith("case ") ? "case PDFs" : p.step; if (name !== step) mark(name); },
  output: (pdf) => { bytes += pdf.bytes.length; },
});
mark("end");
delete steps.end;
console.log("STEPS " + JSON.stringify(Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, Math.round(v * 10) / 10]))));
console.log("PDF bytes " + bytes);
`,
);

const bin = join(ROOT, "bin", "casebook.js");
try {
  if (!values["no-sample"]) {
    process.stdout.write("The sample casebook (cases/):\n");
    await run("sample, site only, 4 languages", ROOT, [bin, "build", "--no-pdf", "--out", join(work, "s0")]);
    await run("sample, site + PDFs, 4 languages", ROOT, [bin, "build", "--out", join(work, "s1")]);
    await run(`sample, site + PDFs, ${lang} only`, ROOT, [bin, "build", "--lang", lang, "--out", join(work, "s2")]);
    await run(`sample, print stage, ${lang}`, ROOT, [stageScript, ROOT, lang]);
  }
  process.stdout.write(`A generated casebook of ${cases} cases (seed ${values.seed}):\n`);
  const project = join(work, "generated");
  generateCasebook({ count: cases, seed: values.seed, dir: join(project, "cases") });
  cpSync(join(ROOT, "casebook.config.yaml"), join(project, "casebook.config.yaml"));
  cpSync(join(ROOT, "book"), join(project, "book"), { recursive: true });
  if (!values["stage-only"]) await run(`${cases} cases, site only, ${lang}`, project, [bin, "build", "--no-pdf", "--lang", lang, "--out", join(work, "g0")]);
  await run(`${cases} cases, print stage, ${lang}`, project, [stageScript, project, lang]);
  if (!values["stage-only"]) await run(`${cases} cases, site + PDFs, ${lang}`, project, [bin, "build", "--lang", lang, "--out", join(work, "g1")]);
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else process.stdout.write(`kept ${work}\n`);
}

const pad = (s: string, n: number) => s.padEnd(n);
process.stdout.write(`\n${pad("run", 36)} ${pad("wall s", 8)} ${pad("CPU s", 8)} ${pad("peak RSS", 10)} other CPUs\n`);
for (const r of rows) {
  process.stdout.write(`${pad(r.what, 36)} ${pad(r.wallS.toFixed(1), 8)} ${pad(r.cpuS.toFixed(1), 8)} ${pad(`${r.peakRssMiB.toFixed(0)} MiB`, 10)} ${r.otherCpus}${r.ok ? "" : "  FAILED"}\n`);
  if (r.steps) process.stdout.write(`${pad("", 4)}steps (s): ${Object.entries(r.steps).map(([k, v]) => `${k} ${v}`).join(", ")}\n`);
  if (r.note) process.stdout.write(`${pad("", 4)}${r.note}\n`);
}
const full = rows.find((r) => r.what === `${cases} cases, site + PDFs, ${lang}`);
if (full && cases === 400)
  process.stdout.write(`\ntarget: the 400-case casebook in one language under ${TARGET_S} s end to end: ${full.wallS.toFixed(1)} s → ${full.wallS < TARGET_S ? "met" : "NOT met"}${full.otherCpus > 0.2 ? ` (other processes kept ${full.otherCpus} CPUs busy: wall times are inflated, compare CPU)` : ""}\n`);
if (values.json) writeFileSync(values.json, `${JSON.stringify({ cases, lang, rows }, null, 2)}\n`);
