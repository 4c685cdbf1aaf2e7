import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, release, totalmem } from "node:os";
import { join } from "node:path";

export interface Machine {
  nproc: number;
  cpuModel: string;
  memTotalBytes: number;
  /** `free -h` as printed, for the README. */
  free: string;
  node: string;
  os: string;
  commit: string;
  /** Files changed in the working tree when the benchmark ran (`git status --porcelain`), if any. */
  dirty: string[];
  versions: Record<string, string>;
}

const run = (cmd: string, args: string[], cwd?: string) => {
  try {
    return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trimEnd();
  } catch {
    return "";
  }
};

/** What the figures were measured on. Read-only: `git` is only asked, never told. */
export function describeMachine(root: string): Machine {
  const version = (pkg: string) => {
    try {
      return (JSON.parse(readFileSync(join(root, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
    } catch {
      return "?";
    }
  };
  return {
    nproc: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? "?",
    memTotalBytes: totalmem(),
    free: run("free", ["-h"]),
    node: process.version,
    os: `${process.platform} ${release()}`,
    commit: run("git", ["rev-parse", "HEAD"], root),
    dirty: run("git", ["status", "--porcelain"], root).split("\n").filter(Boolean),
    versions: {
      casebook: (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version,
      pagefind: version("pagefind"),
      unified: version("unified"),
      "remark-gfm": version("remark-gfm"),
      puppeteer: version("puppeteer"),
    },
  };
}
