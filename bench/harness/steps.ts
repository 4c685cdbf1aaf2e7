import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { measure, waitForIdle, type Measurement } from "./measure.js";
import { median, runRecord, type StepName, type StepResult } from "./results.js";

export interface StepSpec {
  step: StepName;
  cases: number;
  cwd: string;
  args: string[];
  repeat: number;
  /** Before each run, wait (up to `limitMs`) until other processes use at most `maxCpus` CPUs. */
  idle?: { maxCpus: number; limitMs: number };
  /** Runs before each repetition (not timed). */
  prepare?: (run: number) => void;
  /** Judges a run: whether it did its job, a note, facts for the JSON. */
  check?: (m: Measurement, run: number) => { ok: boolean; note?: string; details?: Record<string, unknown> };
}

/** Child processes get no colours and no CI-specific output; loader flags of the harness are not passed on. */
export function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", GITHUB_ACTIONS: "" };
  if (env["NODE_OPTIONS"]?.includes("tsx")) delete env["NODE_OPTIONS"];
  return env;
}

export async function runStep(spec: StepSpec): Promise<StepResult> {
  const runs: Measurement[] = [];
  const waits: ({ waitedMs: number; load: number } | undefined)[] = [];
  let ok = true;
  let note: string | undefined;
  let details: Record<string, unknown> | undefined;
  for (let k = 0; k < spec.repeat; k++) {
    spec.prepare?.(k);
    waits.push(spec.idle ? await waitForIdle(spec.idle.maxCpus, spec.idle.limitMs) : undefined);
    const m = await measure(process.execPath, spec.args, { cwd: spec.cwd, env: childEnv() });
    runs.push(m);
    const verdict = spec.check ? spec.check(m, k) : { ok: m.exitCode === 0 };
    if (m.exitCode !== 0) verdict.ok = false;
    if (m.exitCode !== 0 && !verdict.note) verdict.note = `exit ${m.exitCode ?? m.signal}: ${firstLine(m.stderr || m.stdout)}`;
    ok &&= verdict.ok;
    note ??= verdict.note;
    details = verdict.details ?? details;
  }
  const wallMs = median(runs.map((r) => r.wallMs));
  return {
    step: spec.step,
    command: `node ${spec.args.join(" ")}`.replace(/\S*\/bin\/casebook\.js/, "bin/casebook.js"),
    cases: spec.cases,
    wallMs: Math.round(wallMs),
    casesPerSecond: Math.round((spec.cases / (wallMs / 1000)) * 10) / 10,
    peakRssBytes: Math.max(...runs.map((r) => r.peakRssBytes)),
    cpuMs: Math.round(median(runs.map((r) => r.cpuMs))),
    foreignCpus: Math.max(...runs.map((r) => r.foreignCpus)),
    ok,
    ...(note ? { note } : {}),
    runs: runs.map((r, k) => ({ ...runRecord(r), ...(waits[k] ? { idleWait: { waitedMs: Math.round(waits[k]!.waitedMs), load: waits[k]!.load } } : {}) })),
    ...(details ? { details } : {}),
  };
}

export const firstLine = (text: string) => text.trim().split("\n").find((l) => l.trim())?.slice(0, 200) ?? "";

export function clearBuild(cwd: string): void {
  rmSync(join(cwd, ".casebook-cache"), { recursive: true, force: true });
  rmSync(join(cwd, "dist"), { recursive: true, force: true });
}

export function countFiles(dir: string, suffix: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith(suffix)) n++;
  return n;
}

/** Appends a sentence with a unique marker word to one case, as an editor would. */
export function editCase(casesDir: string, id: string, marker: string): void {
  appendFileSync(join(casesDir, id, "en.md"), `\nThe benchmark appended this sentence to measure an incremental rebuild: ${marker}.\n`);
}

/**
 * Waits (blocking, up to `limitMs`) until Casebook's background search jobs in `cwd` are done: a
 * build that reused nearly every page leaves the search index to a detached process, which removes
 * its job file from `.casebook-cache/search-jobs/` when it ends. Returns how long it waited.
 */
export function waitForSearchJobs(cwd: string, limitMs = 600_000): number {
  const dir = join(cwd, ".casebook-cache", "search-jobs");
  const start = Date.now();
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (existsSync(dir) && readdirSync(dir).length > 0 && Date.now() - start < limitMs) Atomics.wait(pause, 0, 0, 50);
  return Date.now() - start;
}

/** Whether the built page of a case shows the marker. */
export function pageShows(siteDir: string, id: string, marker: string): boolean {
  for (const file of [join(siteDir, "en", "cases", id, "index.html"), join(siteDir, "cases", id, "index.html")])
    if (existsSync(file)) return readFileSync(file, "utf8").includes(marker);
  return false;
}

/** Whether Pagefind's fragments (gzipped) hold the marker, i.e. the edit is searchable. */
export function searchShows(siteDir: string, marker: string): boolean {
  const dir = join(siteDir, "pagefind", "fragment");
  if (!existsSync(dir)) return false;
  const needle = Buffer.from(marker);
  for (const name of readdirSync(dir)) {
    const raw = readFileSync(join(dir, name));
    let text: Buffer;
    try {
      text = gunzipSync(raw);
    } catch {
      text = raw;
    }
    if (text.includes(needle)) return true;
  }
  return false;
}

export function dirBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) n += statSync(join(entry.parentPath, entry.name)).size;
  return n;
}
