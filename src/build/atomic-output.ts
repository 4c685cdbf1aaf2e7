import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { ProjectError } from "./open-project.js";

/** Every Casebook output folder carries this file; no other folder is ever replaced. */
export const OUTPUT_MARKER = ".casebook-output";

/**
 * Writes a build into a fresh folder beside `out` and swaps it in only when `write` succeeds, so
 * a failed or interrupted build leaves the previous output exactly as it was.
 */
export async function writeAtomically(out: string, write: (dir: string) => Promise<void>): Promise<void> {
  const target = resolve(out);
  assertReplaceable(target);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  sweepLeftovers(parent, basename(target));
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  const staging = join(parent, `.${basename(target)}.tmp-${suffix}`);
  mkdirSync(staging);
  try {
    writeFileSync(join(staging, OUTPUT_MARKER), "This folder is written by `casebook build`; it is replaced on every build.\n");
    await write(staging);
    const previous = join(parent, `.${basename(target)}.old-${suffix}`);
    const hadPrevious = existsSync(target);
    if (hadPrevious) renameSync(target, previous);
    renameSync(staging, target);
    if (hadPrevious) removeInBackground(previous);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Refuses to replace a folder that Casebook did not write (`.`, `cases/`, a home folder…). */
export function assertReplaceable(target: string): void {
  if (!existsSync(target)) return;
  const entries = readdirSync(target);
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return;
  throw new ProjectError(
    `${target} is not empty and was not written by Casebook, so it will not be replaced.`,
    "Choose an empty or new folder with --out, or delete that folder yourself if you are sure.",
  );
}

/**
 * Deleting the previous output (thousands of files) would add seconds to every build after it was
 * already replaced: a detached `rm` does it while the command returns. Elsewhere it is synchronous.
 */
function removeInBackground(folder: string): void {
  if (process.platform === "win32" || !existsSync("/bin/rm")) {
    rmSync(folder, { recursive: true, force: true });
    return;
  }
  const child = spawn("/bin/rm", ["-rf", "--", folder], { detached: true, stdio: "ignore" });
  child.on("error", () => rmSync(folder, { recursive: true, force: true }));
  child.unref();
}

/**
 * Previous outputs left behind (a background removal that was interrupted), and staging folders
 * of builds that were killed more than an hour ago, are removed. Only Casebook's own names match.
 */
function sweepLeftovers(parent: string, base: string): void {
  const old = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(old|tmp)-\\d+-[a-z0-9]+$`);
  for (const name of readdirSync(parent)) {
    const match = old.exec(name);
    if (!match) continue;
    const path = join(parent, name);
    const stale = match[1] === "old" || Date.now() - statSync(path).mtimeMs > 3_600_000;
    if (stale && existsSync(join(path, OUTPUT_MARKER))) removeInBackground(path);
  }
}
