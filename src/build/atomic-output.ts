import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, join, resolve, sep } from "node:path";
import { ProjectError } from "./open-project.js";
import { withOutputLock } from "./output-lock.js";
import { OUTPUT_MARKER } from "./output-marker.js";

export { OUTPUT_MARKER } from "./output-marker.js";

/**
 * The one folder of an output that a build does not replace: the editions made by `casebook release`.
 * Each build moves it from the previous output into its own, with a rename under the output lock.
 */
export const RELEASES_FOLDER = "releases";

/** Marks `dir` as a Casebook output, which a later build may replace (all but its releases). */
export function markOutput(dir: string): void {
  writeFileSync(
    join(dir, OUTPUT_MARKER),
    `This folder is written by \`casebook build\`; it is replaced on every build, except ${RELEASES_FOLDER}/ (the editions), which each build carries over.\n`,
  );
}

/**
 * Replaces the output's marker file with a new one (a new inode): done under the output lock by
 * whatever changes an output in place, so that a build updating the same output notices (see
 * output-update.ts).
 */
export function renewMarker(out: string): void {
  const temp = join(out, `${OUTPUT_MARKER}.${process.pid}.tmp`);
  mkdirSync(temp);
  try {
    markOutput(temp);
    renameSync(join(temp, OUTPUT_MARKER), join(out, OUTPUT_MARKER));
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * A folder a build makes beside its output, `.<name>.<kind>-<pid>-<time>`: the names that
 * sweepLeftovers knows (a staging folder, a previous output set aside, one being removed, a
 * search index being written by a background job, see deferred-index.ts).
 */
export function besideOutput(target: string, kind: "tmp" | "old" | "trash" | "search", suffix = `${process.pid}-${Date.now().toString(36)}`): string {
  return join(dirname(target), `.${basename(target)}.${kind}-${suffix}`);
}

/** The lock under which an output is swapped, and its releases folder changed. */
export function outputLockPath(out: string): string {
  const target = resolve(out);
  return join(dirname(target), `.${basename(target)}.lock`);
}

/**
 * Puts back an output left aside by a build killed in the middle of its swap (see sweepLeftovers),
 * under the output lock. `casebook release` runs it before it adds an edition to the output.
 */
export function recoverOutput(out: string): void {
  const target = resolve(out);
  if (!existsSync(dirname(target))) return;
  withOutputLock(outputLockPath(target), () => sweepLeftovers(dirname(target), basename(target)));
}

/**
 * Writes a build into a fresh folder beside `out` and swaps it in only when `write` succeeds, so
 * a failed or interrupted build leaves the previous output exactly as it was. The previous
 * output's `releases/` is moved into the new one during the swap: editions outlive builds.
 * `swapped` runs just after the swap, still under the output's lock, while the output is exactly
 * what this build wrote (another build may change it as soon as the lock is released); its result
 * is returned.
 */
export async function writeAtomically<T = void>(out: string, write: (dir: string) => Promise<void>, swapped?: (target: string) => T): Promise<T | undefined> {
  const target = resolve(out);
  assertReplaceable(target);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  // Sweeping and swapping run under a lock, so that concurrent builds into the same output take
  // turns for their renames (each one's result is complete; the last to finish wins).
  const lock = outputLockPath(target);
  withOutputLock(lock, () => sweepLeftovers(parent, basename(target)));
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  const staging = besideOutput(target, "tmp", suffix);
  mkdirSync(staging);
  let swapping = false;
  try {
    markOutput(staging);
    await write(staging);
    if (existsSync(join(staging, RELEASES_FOLDER)))
      throw new ProjectError(`The build wrote a ${RELEASES_FOLDER}/ folder, which belongs to \`casebook release\`.`, "Remove it from what the build writes.");
    const previous = besideOutput(target, "old", suffix);
    swapping = true;
    return withOutputLock(lock, () => {
      assertReplaceable(target);
      const hadPrevious = existsSync(target);
      // The one moment the output is missing: between the first and the last of these renames (a
      // directory cannot be renamed over a non-empty one). A build killed here leaves the previous
      // output in `.<name>.old-…` (its releases perhaps already in `.<name>.tmp-…`, same suffix), and
      // the next build or release puts it back, releases included, first (see sweepLeftovers).
      if (hadPrevious) renameSync(target, previous);
      try {
        if (hadPrevious) moveReleases(previous, staging);
        renameSync(staging, target);
      } catch (error) {
        if (hadPrevious) {
          moveReleases(staging, previous);
          renameSync(previous, target);
        }
        throw error;
      }
      if (hadPrevious) {
        // Renamed again before the slow removal, so that `.old-…` only ever means "killed mid-swap".
        const trash = besideOutput(target, "trash", suffix);
        renameSync(previous, trash);
        removeInBackground(trash);
      }
      return swapped?.(target);
    });
  } catch (error) {
    // Editions that could not be moved back stay where they are, for the next build to restore.
    if (!swapping || !existsSync(join(staging, RELEASES_FOLDER))) rmSync(staging, { recursive: true, force: true });
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

/** Moves `from/releases` to `to/releases` (one rename), if there is one and `to` has none. */
function moveReleases(from: string, to: string): void {
  const source = join(from, RELEASES_FOLDER);
  if (existsSync(source) && !existsSync(join(to, RELEASES_FOLDER))) renameSync(source, join(to, RELEASES_FOLDER));
}

/**
 * Previous outputs left behind (a background removal that was interrupted), and staging folders
 * of builds or search jobs that were killed more than an hour ago, are removed. Only Casebook's own names match.
 */
function sweepLeftovers(parent: string, base: string): void {
  const old = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(old|tmp|trash|search)-\\d+-[a-z0-9]+$`);
  // A build killed between its two renames left no output but the previous one aside: restore it.
  const target = join(parent, base);
  if (!existsSync(target)) {
    const previous = readdirSync(parent)
      .filter((name) => old.exec(name)?.[1] === "old" && existsSync(join(parent, name, OUTPUT_MARKER)))
      .sort((a, b) => statSync(join(parent, b)).mtimeMs - statSync(join(parent, a)).mtimeMs)[0];
    if (previous) {
      // Killed after the releases had moved into its staging folder: they go back first.
      const staging = join(parent, previous.replace(/\.old-(?=[^.]*$)/, ".tmp-"));
      if (existsSync(staging)) moveReleases(staging, join(parent, previous));
      renameSync(join(parent, previous), target);
    }
  }
  for (const name of readdirSync(parent)) {
    const match = old.exec(name);
    if (!match) continue;
    const path = join(parent, name);
    // A staging folder (a build's, or a background search index's) may belong to a process still running.
    const staging = match[1] === "tmp" || match[1] === "search";
    const stale = !staging || Date.now() - statSync(path).mtimeMs > 3_600_000;
    // A trash folder may have lost its marker to an interrupted removal, and a search index never
    // had one; their names are Casebook's own.
    // A leftover that still holds editions (a swap killed half-way while another output was made
    // since) is never deleted: editions cannot be rebuilt byte for byte from anything else here.
    if (stale && !existsSync(join(path, RELEASES_FOLDER)) && (match[1] === "trash" || match[1] === "search" || existsSync(join(path, OUTPUT_MARKER)))) removeInBackground(path);
  }
}
