import { spawn, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { machineBusyTicks, ProcessTreeSampler } from "./proc-tree.js";

/** Children being measured right now, so an interrupted run can stop them. */
const running = new Set<ChildProcess>();

/** Stops every measured child (SIGTERM), e.g. when the benchmark itself is interrupted. */
export function stopRunning(): void {
  for (const child of running) child.kill("SIGTERM");
}

/** Linux clock ticks per second (`getconf CLK_TCK`), the unit of /proc CPU times. */
const CLK_TCK = 100;

export interface Measurement {
  command: string;
  exitCode: number | null;
  signal: string | null;
  /** From spawn until the child process exited. */
  wallMs: number;
  /** Time descendants kept running after the child exited (a background index, say); 0 if none. */
  tailMs: number;
  /** Largest sum of VmRSS over the process tree, sampled every `intervalMs` (50 ms) or, once samples get costly, less often. */
  peakRssBytes: number;
  /** Largest VmHWM of any single process of the tree: a lower bound of the true peak. */
  maxProcessHwmBytes: number;
  peakProcesses: number;
  /** CPU time (user + system) of the whole tree. */
  cpuMs: number;
  /**
   * CPUs kept busy by processes OUTSIDE the measured tree during the run, on average
   * (other jobs on the machine). Above ~0.2 the wall times are inflated: compare cpuMs.
   */
  foreignCpus: number;
  processNames: string[];
  /** Peak RSS per process name (summed over processes of that name within a sample), bytes. */
  peakRssByName: Record<string, number>;
  samples: number;
  stdout: string;
  stderr: string;
}

const KEEP = 64 * 1024;
const append = (buf: string, chunk: Buffer) => {
  const next = buf + chunk.toString("utf8");
  return next.length > KEEP ? next.slice(next.length - KEEP) : next;
};

/**
 * Runs a command as a child process and measures its wall time and the peak RSS of its whole
 * process tree. Waits (up to `tailLimitMs`) for descendants that outlive it, so one step's
 * background work never leaks into the next step's figures.
 */
export async function measure(
  cmd: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; intervalMs?: number; tailLimitMs?: number },
): Promise<Measurement> {
  // Each sample reads /proc for every process and thread of the tree: hundreds of files once Chromium
  // runs, about 16 ms. Sampling every 50 ms then took a third of a core from the run it measured (the
  // 400-case print stage: 102 s sampled every 50 ms, 71–74 s sampled less often, on two cores), so
  // the interval grows to 50 times what a sample costs, keeping the sampler near 2% of one core. It
  // at most doubles from one sample to the next: the first samples (cold code) are slow, and a
  // short-lived child must still be seen with its descendants.
  const minIntervalMs = options.intervalMs ?? 50;
  let sampleCostMs = 0;
  let intervalMs = minIntervalMs;
  const nextIntervalMs = () => (intervalMs = Math.min(intervalMs * 2, Math.max(minIntervalMs, sampleCostMs * 50)));
  const busyBefore = machineBusyTicks();
  const started = performance.now();
  const child = spawn(cmd, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  if (child.pid === undefined) throw new Error(`could not start ${cmd}`);
  running.add(child);
  child.once("exit", () => running.delete(child));
  const sampler = new ProcessTreeSampler(child.pid);
  const sample = () => {
    const start = performance.now();
    const result = sampler.sample();
    sampleCostMs = performance.now() - start;
    return result;
  };
  sample();
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout = append(stdout, c)));
  child.stderr.on("data", (c: Buffer) => (stderr = append(stderr, c)));
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    timer = setTimeout(() => {
      sample();
      schedule();
    }, nextIntervalMs());
  };
  schedule();

  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  const wallMs = performance.now() - started;

  // Descendants still alive after the child exited: keep sampling until they finish.
  let tailMs = 0;
  const tailLimit = options.tailLimitMs ?? 600_000;
  clearTimeout(timer);
  while (sample().processes > 0 && tailMs < tailLimit) {
    await sleep(nextIntervalMs());
    tailMs = performance.now() - started - wallMs;
  }
  return {
    command: [cmd, ...args].join(" "),
    exitCode: code,
    signal,
    wallMs,
    tailMs,
    ...treeFigures(sampler, busyBefore, performance.now() - started),
    stdout,
    stderr,
  };
}

/**
 * What a sampler saw of a process tree, and the CPUs other processes kept busy meanwhile (the
 * machine's busy ticks since `busyBefore`, minus the tree's own), over `elapsedMs`.
 */
export function treeFigures(sampler: ProcessTreeSampler, busyBefore: number, elapsedMs: number) {
  const treeTicks = sampler.cpuTicksTotal();
  const foreignTicks = Math.max(0, machineBusyTicks() - busyBefore - treeTicks);
  return {
    peakRssBytes: sampler.peakRss,
    maxProcessHwmBytes: sampler.maxProcessHwm,
    peakProcesses: sampler.peakProcesses,
    cpuMs: (treeTicks * 1000) / CLK_TCK,
    foreignCpus: Math.round((foreignTicks / CLK_TCK / (elapsedMs / 1000)) * 100) / 100,
    processNames: [...sampler.names].sort(),
    peakRssByName: Object.fromEntries([...sampler.peakByName].sort((a, b) => b[1] - a[1])),
    samples: sampler.samples,
  };
}

/**
 * Waits until the machine is quiet: other processes use less than `maxCpus` CPUs over a
 * one-second window, or `limitMs` has passed. Returns the load seen last (in CPUs).
 */
export async function waitForIdle(maxCpus: number, limitMs: number): Promise<{ waitedMs: number; load: number }> {
  const started = performance.now();
  for (;;) {
    const before = machineBusyTicks();
    await sleep(1000);
    const load = (machineBusyTicks() - before) / CLK_TCK;
    const waitedMs = performance.now() - started;
    if (load <= maxCpus || waitedMs >= limitMs) return { waitedMs, load: Math.round(load * 100) / 100 };
  }
}
