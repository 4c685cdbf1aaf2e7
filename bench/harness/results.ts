import type { Machine } from "./machine.js";
import type { Measurement } from "./measure.js";

export type StepName = "check" | "baseline" | "cold" | "warm" | "edit" | "preview" | "pdf";

/** One run of a step, as written to the JSON (stdout and stderr trimmed to their last lines). */
export interface RunRecord {
  wallMs: number;
  tailMs: number;
  peakRssBytes: number;
  maxProcessHwmBytes: number;
  peakProcesses: number;
  cpuMs: number;
  foreignCpus: number;
  /** How long the harness waited for the machine to be quiet before this run, and the load it saw. */
  idleWait?: { waitedMs: number; load: number };
  processNames: string[];
  peakRssByName: Record<string, number>;
  samples: number;
  exitCode: number | null;
  signal: string | null;
  stdoutTail: string;
  stderrTail: string;
}

export interface StepResult {
  step: StepName;
  command: string;
  cases: number;
  /** Median wall time over the runs. */
  wallMs: number;
  casesPerSecond: number;
  /** Largest peak over the runs. */
  peakRssBytes: number;
  /** Median CPU time of the process tree over the runs. */
  cpuMs: number;
  /** Largest average load from other processes during a run, in CPUs (see Measurement.foreignCpus). */
  foreignCpus: number;
  ok: boolean;
  /** "not available" and the like: a reason the figure is missing or not comparable. */
  note?: string;
  runs: RunRecord[];
  /** Step-specific facts: the baseline's phases, the edited case, the PDFs found… */
  details?: Record<string, unknown>;
}

export interface TargetLine {
  cases: number;
  name: string;
  /** Measured value and limit, in the unit named by `unit`. */
  value: number | null;
  limit: number;
  unit: "s" | "ratio" | "GiB";
  pass: boolean;
  /** The issue sets its targets at 4,000 cases; lines at other sizes are for reference. */
  official: boolean;
  detail?: string;
}

export interface SizeResult {
  cases: number;
  seed: string;
  generated: { files: number; translations: Record<string, number>; images: number; words: number; markdownAndSvgBytes: number; ms: number };
  steps: Partial<Record<StepName, StepResult>>;
  /** cold build / (baseline unified + bare Pagefind), both in-process phase times for the baseline. */
  ratio: number | null;
  /**
   * The same comparison in CPU time (whole process trees, Pagefind's binary included): less
   * sensitive to other jobs on the machine than wall time. For information; the target is on wall time.
   */
  cpuRatio?: number | null;
}

export interface BenchReport {
  format: "casebook-bench/1";
  startedAt: string;
  finishedAt: string;
  argv: string[];
  machine: Machine;
  /** `measured`: the folder whose bin/casebook.js ran (a snapshot taken after compiling, unless --no-snapshot). */
  compile: { ran: boolean; ok: boolean; ms: number; errors: string[]; measured?: string };
  sizes: SizeResult[];
  pdf: StepResult | null;
  targets: TargetLine[];
}

const tail = (text: string, lines = 15) => text.trimEnd().split("\n").slice(-lines).join("\n");

export function runRecord(m: Measurement): RunRecord {
  return {
    wallMs: round(m.wallMs),
    tailMs: round(m.tailMs),
    peakRssBytes: m.peakRssBytes,
    maxProcessHwmBytes: m.maxProcessHwmBytes,
    peakProcesses: m.peakProcesses,
    cpuMs: Math.round(m.cpuMs),
    foreignCpus: m.foreignCpus,
    processNames: m.processNames,
    peakRssByName: m.peakRssByName,
    samples: m.samples,
    exitCode: m.exitCode,
    signal: m.signal,
    stdoutTail: tail(m.stdout),
    stderrTail: tail(m.stderr),
  };
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
export const GiB = 1024 ** 3;
export const MiB = 1024 ** 2;
