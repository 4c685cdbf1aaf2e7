import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";

/**
 * Threads for `items` pieces of work: one per CPU (or `most`), and at least `perThread` items for
 * each, below which a thread costs more to start than it saves; never fewer than one.
 */
export function threadsFor(items: number, perThread: number, most = availableParallelism()): number {
  return Math.max(1, Math.min(most, Math.floor(items / perThread)));
}

/**
 * The case folders of `casesDir` (names not starting with a dot), counted before the files are
 * found, to start threads early; 0 when there is no such folder (the command reports it later).
 * Light on purpose: the command line calls it before it imports the pipeline.
 */
export function caseFolderCount(casesDir: string): number {
  try {
    return readdirSync(casesDir).filter((name) => !name.startsWith(".")).length;
  } catch {
    return 0;
  }
}
