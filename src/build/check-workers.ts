import { Worker } from "node:worker_threads";
import type { CheckBatchesInput, CheckedBatch } from "./check-batches.js";
import { caseFolderCount, threadsFor } from "./thread-count.js";

/** Below this many cases a worker costs more to start than it saves. */
export const PARALLEL_CHECK_MIN_CASES = 200;

/** A worker thread of `casebook check`, started now, that checks the batches it is given later. */
export interface CheckWorker {
  check(input: CheckBatchesInput): Promise<CheckedBatch[]>;
  stop(): Promise<number>;
}

/**
 * How many threads check the case folders of `casesDir`: one per CPU, and at least
 * PARALLEL_CHECK_MIN_CASES cases for each (a folder count; the files are found later).
 */
export function checkThreads(casesDir: string): number {
  return threadsFor(caseFolderCount(casesDir), PARALLEL_CHECK_MIN_CASES);
}

/**
 * Starts the worker threads a check of `casesDir` will want, before the calling thread imports the
 * pipeline: a worker imports it too (about a quarter of a second), and the two imports then run side
 * by side instead of one after the other. This module imports nothing of the pipeline for that reason.
 */
export function startCheckWorkers(casesDir: string): CheckWorker[] {
  return Array.from({ length: checkThreads(casesDir) - 1 }, startCheckWorker);
}

export function startCheckWorker(): CheckWorker {
  const worker = new Worker(new URL("./check-worker.js", import.meta.url));
  const result = new Promise<CheckedBatch[]>((resolve, reject) => {
    worker.once("message", (answer: CheckedBatch[]) => resolve(answer));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`a check worker stopped with code ${code} before answering`)));
  });
  result.catch(() => undefined);
  return {
    check(input) {
      worker.postMessage(input);
      return result;
    },
    stop: () => worker.terminate(),
  };
}
