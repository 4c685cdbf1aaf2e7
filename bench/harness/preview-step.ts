import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { treeFigures } from "./measure.js";
import { machineBusyTicks, ProcessTreeSampler } from "./proc-tree.js";
import { median, runRecord, type StepResult } from "./results.js";
import { childEnv } from "./steps.js";

export interface PreviewSpec {
  cases: number;
  cwd: string;
  /** The node arguments of `casebook dev` (the port is chosen by the system). */
  args: string[];
  repeat: number;
  /** The case edited and how: each repetition appends a sentence with a new marker word. */
  caseId: string;
  edit: (run: number) => string;
  /** Seconds between edits, so that each one lands while the search index of the last is being made. */
  pauseMs?: number;
  /** Longest wait for the preview to start and for an edit to show. */
  startLimitMs?: number;
  showLimitMs?: number;
}

/**
 * The live preview as a contributor meets it: starts `casebook dev`, waits until it serves, then
 * edits one case and times how long until the case's page, fetched over HTTP as a browser would,
 * shows the edit. The wall time reported is the median of those delays; the peak RSS and CPU are
 * the preview's process tree over the whole session (its first full build included).
 */
export async function measurePreview(spec: PreviewSpec): Promise<StepResult> {
  const busyBefore = machineBusyTicks();
  const started = performance.now();
  const child = spawn(process.execPath, spec.args, { cwd: spec.cwd, env: childEnv(), stdio: ["ignore", "pipe", "pipe"] });
  const sampler = new ProcessTreeSampler(child.pid!);
  const sampling = setInterval(() => sampler.sample(), 200);
  let output = "";
  let [stdout, stderr] = ["", ""];
  child.stdout.on("data", (c: Buffer) => ((output += c.toString("utf8")), (stdout += c.toString("utf8"))));
  child.stderr.on("data", (c: Buffer) => ((output += c.toString("utf8")), (stderr += c.toString("utf8"))));
  let exit: { code: number | null; signal: string | null } = { code: null, signal: null };
  const exited = new Promise<void>((done) => child.once("exit", (code, signal) => ((exit = { code, signal }), done())));
  const delays: number[] = [];
  let note: string | undefined;
  let startupMs = 0;
  try {
    const url = await until(() => /serving the preview at (\S+)\//.exec(output)?.[1], spec.startLimitMs ?? 900_000, exited);
    if (!url) throw new Error(`the preview did not start: ${output.trim().split("\n").pop() ?? "no output"}`);
    startupMs = performance.now() - started;
    const page = `${url}/en/cases/${spec.caseId}/`;
    for (let k = 0; k < spec.repeat; k++) {
      await sleep(spec.pauseMs ?? 3000);
      const marker = spec.edit(k);
      const edited = performance.now();
      const shown = await until(async () => ((await fetchText(page)).includes(marker) ? true : undefined), spec.showLimitMs ?? 120_000, exited, 10);
      if (!shown) throw new Error(`edit ${k + 1} did not show within ${(spec.showLimitMs ?? 120_000) / 1000} s`);
      delays.push(performance.now() - edited);
    }
  } catch (error) {
    note = error instanceof Error ? error.message : String(error);
  } finally {
    clearInterval(sampling);
    sampler.sample();
    child.kill("SIGINT");
    await Promise.race([exited, sleep(60_000)]);
    child.kill("SIGKILL");
  }
  const wallMs = delays.length ? median(delays) : 0;
  const ok = !note && delays.length === spec.repeat;
  const sessionMs = performance.now() - started;
  const tree = treeFigures(sampler, busyBefore, sessionMs);
  // One record for the whole session (start, edits, stop): its wall time is the session's.
  const session = runRecord({ command: spec.args.join(" "), exitCode: exit.code, signal: exit.signal, wallMs: sessionMs, tailMs: 0, ...tree, stdout, stderr });
  return {
    step: "preview",
    command: `node ${spec.args.join(" ")}`.replace(/\S*\/bin\/casebook\.js/, "bin/casebook.js"),
    cases: spec.cases,
    wallMs: Math.round(wallMs),
    casesPerSecond: 0,
    peakRssBytes: tree.peakRssBytes,
    cpuMs: Math.round(tree.cpuMs),
    foreignCpus: tree.foreignCpus,
    ok,
    ...(note ? { note } : {}),
    runs: [session],
    details: { editedCase: spec.caseId, delaysMs: delays.map(Math.round), startupMs: Math.round(startupMs), rebuilt: output.split("\n").filter((l) => l.includes("rebuilt")).slice(-spec.repeat) },
  };
}

async function fetchText(url: string): Promise<string> {
  try {
    const response = await fetch(url);
    return await response.text();
  } catch {
    return "";
  }
}

/** Polls `probe` until it gives a value, the process exits, or `limitMs` passes. */
async function until<T>(probe: () => T | undefined | Promise<T | undefined>, limitMs: number, exited: Promise<void>, everyMs = 100): Promise<T | undefined> {
  let gone = false;
  void exited.then(() => (gone = true));
  const end = performance.now() + limitMs;
  while (performance.now() < end && !gone) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(everyMs);
  }
  return undefined;
}
