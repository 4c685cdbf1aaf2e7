import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { ProjectError } from "./open-project.js";

/** How long a build waits for another one to finish swapping the same output in. */
const WAIT_MS = 60_000;
/** A lock file without a readable process id, older than this, was left by a killed process. */
const STALE_MS = 10_000;

/**
 * Runs `fn` holding `lockPath` (created with O_EXCL), so that two builds into the same output never
 * interleave their renames: without it, one build could move the other's fresh output aside, or fail
 * half-way with a bare ENOENT. The lock holds the process id; a lock whose process is gone (a build
 * that was killed) is taken over. Only short steps run under the lock (a swap, an update's renames,
 * listing the output, carrying its search index), never the build itself.
 */
export function withOutputLock<T>(lockPath: string, fn: () => T): T {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (isStale(lockPath) && takeOver(lockPath)) continue;
      if (Date.now() > deadline)
        throw new ProjectError(
          `Another build is replacing the same output (its lock is ${lockPath}).`,
          "Wait for that build to finish; if no build is running, delete the lock file.",
        );
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

/**
 * Removes a stale lock. Two builds may find the same dead lock: each could otherwise remove the lock
 * the other has just created. So the removal runs under a second lock, and staleness is checked
 * again inside it. That second lock is held for microseconds; one older than STALE_MS was left by a
 * process killed while holding it. Returns whether the lock was looked at (false: try again later).
 */
function takeOver(lockPath: string): boolean {
  const guard = `${lockPath}.takeover`;
  try {
    closeSync(openSync(guard, "wx"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    try {
      if (Date.now() - statSync(guard).mtimeMs > STALE_MS) rmSync(guard, { force: true });
    } catch {
      // released meanwhile
    }
    return false;
  }
  try {
    if (isStale(lockPath)) rmSync(lockPath, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
  return true;
}

function isStale(lockPath: string): boolean {
  let text: string;
  let age: number;
  try {
    text = readFileSync(lockPath, "utf8");
    age = Date.now() - statSync(lockPath).mtimeMs;
  } catch {
    return false; // released meanwhile: try again
  }
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 0) return age > STALE_MS;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
