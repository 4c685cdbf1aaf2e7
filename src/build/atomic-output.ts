import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, join, resolve, sep } from "node:path";
import { ProjectError } from "./open-project.js";
import { withOutputLock } from "./output-lock.js";

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
  // Sweeping and swapping run under a lock, so that concurrent builds into the same output take
  // turns for their renames (each one's result is complete; the last to finish wins).
  const lock = join(parent, `.${basename(target)}.lock`);
  withOutputLock(lock, () => sweepLeftovers(parent, basename(target)));
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  const staging = join(parent, `.${basename(target)}.tmp-${suffix}`);
  mkdirSync(staging);
  try {
    writeFileSync(join(staging, OUTPUT_MARKER), "This folder is written by `casebook build`; it is replaced on every build.\n");
    await write(staging);
    const previous = join(parent, `.${basename(target)}.old-${suffix}`);
    withOutputLock(lock, () => {
      assertReplaceable(target);
      const hadPrevious = existsSync(target);
      // The one moment the output is missing: between these two renames (a directory cannot be
      // renamed over a non-empty one). A build killed exactly here leaves the previous output in
      // `.<name>.old-…`, and the next build puts it back first (see sweepLeftovers).
      if (hadPrevious) renameSync(target, previous);
      renameSync(staging, target);
      if (hadPrevious) {
        // Renamed again before the slow removal, so that `.old-…` only ever means "killed mid-swap".
        const trash = join(parent, `.${basename(target)}.trash-${suffix}`);
        renameSync(previous, trash);
        removeInBackground(trash);
      }
    });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Refuses to replace a folder that Casebook did not write (`.`, `cases/`, a home folder…). */
export function assertReplaceable(target: string): void {
  // The filesystem root and the home folder are never an output, whatever marker they may hold.
  const resolved = resolve(target);
  if (resolved === resolve("/") || resolved === dirname(resolved) || resolved === resolve(homedir()))
    throw new ProjectError(`${resolved} is ${resolved === resolve(homedir()) ? "your home folder" : "the root of the filesystem"}; it is never replaced by a build.`, OUT_HINT);
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) throw new ProjectError(`${target} is a file, not an output folder, so it will not be replaced.`, OUT_HINT);
  const entries = readdirSync(target);
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return;
  throw new ProjectError(`${target} is not empty and was not written by Casebook, so it will not be replaced.`, OUT_HINT);
}

const OUT_HINT = "Choose an empty or new folder with --out, or delete that folder yourself if you are sure.";

/**
 * The output may not be the project folder or one that holds it, nor the cases folder, one inside
 * it or one that holds it: a build replaces its output whole, and only `casebook new` writes cases.
 * Checked on real paths, so a symbolic link cannot get around it.
 */
export function assertOutputLocation(out: string, project: { cwd: string; casesDir: string }): void {
  const real = (path: string) => {
    let p = resolve(path);
    const rest: string[] = [];
    while (!existsSync(p) && dirname(p) !== p) {
      rest.unshift(basename(p));
      p = dirname(p);
    }
    return join(realpathSync(p), ...rest);
  };
  const target = real(out);
  const within = (inner: string, outer: string) => inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
  const cases = real(project.casesDir);
  if (within(target, cases)) throw new ProjectError(`${out} is inside the cases folder ${project.casesDir}; a build never writes there.`, OUT_HINT);
  for (const held of [cases, real(project.cwd)])
    if (within(held, target)) throw new ProjectError(`${out} holds ${held}, which a build would replace.`, OUT_HINT);
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
  const old = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(old|tmp|trash)-\\d+-[a-z0-9]+$`);
  // A build killed between its two renames left no output but the previous one aside: restore it.
  const target = join(parent, base);
  if (!existsSync(target)) {
    const previous = readdirSync(parent)
      .filter((name) => old.exec(name)?.[1] === "old" && existsSync(join(parent, name, OUTPUT_MARKER)))
      .sort((a, b) => statSync(join(parent, b)).mtimeMs - statSync(join(parent, a)).mtimeMs)[0];
    if (previous) renameSync(join(parent, previous), target);
  }
  for (const name of readdirSync(parent)) {
    const match = old.exec(name);
    if (!match) continue;
    const path = join(parent, name);
    const stale = match[1] !== "tmp" || Date.now() - statSync(path).mtimeMs > 3_600_000;
    // A trash folder may have lost its marker to an interrupted removal; its name is Casebook's own.
    if (stale && (match[1] === "trash" || existsSync(join(path, OUTPUT_MARKER)))) removeInBackground(path);
  }
}
