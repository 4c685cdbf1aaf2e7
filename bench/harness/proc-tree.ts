import { readdirSync, readFileSync } from "node:fs";

/**
 * Memory of a whole process tree on Linux, from /proc: a child, everything it started
 * (Chromium, Pagefind's binary, worker processes) and whatever those started. A process that
 * was seen in the tree stays counted after its parent exits (it is reparented to init), so a
 * background indexer that outlives the CLI is not lost.
 */
interface Stat {
  ppid: number;
  /** utime + stime, in clock ticks. */
  cpu: number;
  /** Start time in clock ticks since boot: (pid, start) names a process even after pid reuse. */
  start: string;
}

function readStat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "latin1");
    const rest = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(rest[1]), cpu: Number(rest[11]) + Number(rest[12]), start: rest[19] ?? "" };
  } catch {
    return undefined; // gone between readdir and read
  }
}

/** VmRSS and VmHWM in bytes; undefined once the process is gone or a zombie. */
function readMemory(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/status`, "latin1");
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(text);
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(text);
    if (!rss) return undefined;
    return { rss: Number(rss[1]) * 1024, hwm: Number(hwm?.[1] ?? 0) * 1024 };
  } catch {
    return undefined;
  }
}

export interface TreeSample {
  /** Sum of VmRSS over the tree, bytes. */
  rss: number;
  processes: number;
}

export class ProcessTreeSampler {
  /** `pid:start` of every process seen in the tree. */
  private readonly tracked = new Map<string, number>();
  /** The last CPU time read for each of them, in clock ticks. */
  private readonly cpuTicks = new Map<string, number>();
  peakRss = 0;
  peakProcesses = 0;
  /** The largest VmHWM (own peak RSS) of any single process seen: a lower bound the samples must reach. */
  maxProcessHwm = 0;
  samples = 0;
  private readonly nameOf = new Map<string, string>();
  /** Per process name (node, pagefind_extend, chromium…): the largest sum of VmRSS in one sample. */
  readonly peakByName = new Map<string, number>();
  /** The names (comm) of the processes seen, as last read. */
  get names(): Set<string> {
    return new Set(this.nameOf.values());
  }

  constructor(private readonly rootPid: number) {}

  /** CPU time (user + system) used by the tree so far, in clock ticks, as last sampled. */
  cpuTicksTotal(): number {
    let n = 0;
    for (const t of this.cpuTicks.values()) n += t;
    return n;
  }

  /** One sample: finds the tree, sums its RSS, updates the peaks. Returns the live process count. */
  sample(): TreeSample {
    const stats = new Map<number, Stat>();
    const stat = (pid: number) => {
      if (!stats.has(pid)) {
        const st = readStat(pid);
        if (st) stats.set(pid, st);
      }
      return stats.get(pid);
    };
    const children = CHILDREN_FILES ? childrenFromTasks : childrenFromScan();
    const inTree = new Set<number>();
    const queue: number[] = [];
    const alive = (pid: number) => {
      const st = stat(pid);
      return st !== undefined && this.tracked.get(`${pid}:${st.start}`) === pid;
    };
    if (this.tracked.size === 0 ? stat(this.rootPid) !== undefined : alive(this.rootPid)) queue.push(this.rootPid);
    for (const pid of this.tracked.values()) if (alive(pid)) queue.push(pid);
    while (queue.length) {
      const pid = queue.pop()!;
      if (inTree.has(pid) || !stat(pid)) continue;
      inTree.add(pid);
      for (const child of children(pid)) queue.push(child);
    }
    let rss = 0;
    let live = 0;
    const byName = new Map<string, number>();
    for (const pid of inTree) {
      const st = stats.get(pid)!;
      const key = `${pid}:${st.start}`;
      if (!this.tracked.has(key)) this.tracked.set(key, pid);
      // Read every time: a child is still called "node" between fork and exec.
      this.nameOf.set(key, processName(pid));
      this.cpuTicks.set(key, st.cpu);
      const mem = readMemory(pid);
      if (!mem) continue;
      rss += mem.rss;
      live++;
      const name = this.nameOf.get(key) ?? "?";
      byName.set(name, (byName.get(name) ?? 0) + mem.rss);
      this.maxProcessHwm = Math.max(this.maxProcessHwm, mem.hwm);
    }
    for (const [name, bytes] of byName) this.peakByName.set(name, Math.max(this.peakByName.get(name) ?? 0, bytes));
    this.samples++;
    this.peakRss = Math.max(this.peakRss, rss);
    this.peakProcesses = Math.max(this.peakProcesses, live);
    return { rss, processes: live };
  }
}

/** Whether the kernel lists each thread's children (CONFIG_PROC_CHILDREN): much cheaper than scanning /proc. */
const CHILDREN_FILES = (() => {
  try {
    readFileSync(`/proc/self/task/${process.pid}/children`);
    return true;
  } catch {
    return false;
  }
})();

/** The children of a process, from the `children` file of each of its threads. */
function childrenFromTasks(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    try {
      for (const c of readFileSync(`/proc/${pid}/task/${tid}/children`, "latin1").split(" ")) if (c) out.push(Number(c));
    } catch {
      // the thread ended
    }
  }
  return out;
}

/** Fallback: the parent of every process on the machine, from /proc/<pid>/stat. */
function childrenFromScan(): (pid: number) => number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const st = readStat(pid);
    if (!st) continue;
    const list = children.get(st.ppid);
    if (list) list.push(pid);
    else children.set(st.ppid, [pid]);
  }
  return (pid) => children.get(pid) ?? [];
}

function processName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, "latin1").trim();
  } catch {
    return "?";
  }
}

/** Busy clock ticks of the whole machine (all CPUs) since boot, from /proc/stat. */
export function machineBusyTicks(): number {
  const line = readFileSync("/proc/stat", "latin1").split("\n")[0] ?? "";
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
}
