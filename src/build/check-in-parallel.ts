import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { diagnosticFromRecord } from "../cache/diagnostic-record.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { findCaseFiles, type CaseFileRef } from "../load/find-case-files.js";
import { checkBatches, type CheckedBatch, type CheckBatchesInput } from "./check-batches.js";
import { requireCasesDir, type Project } from "./open-project.js";

/** Below this many cases a worker costs more to start than it saves. */
export const PARALLEL_CHECK_MIN_CASES = 200;

/** Cases per batch that a thread claims at a time: small enough that the threads end together. */
const BATCH_CASES = 48;

/**
 * `casebook check` on every CPU: the cases are cut into batches of whole cases, which this thread and
 * worker threads claim one at a time (see check-batches.ts), and the diagnostics are joined in the
 * casebook's order and sorted. The result is the same as `checkCasebook`'s
 * (test/check-parallel.test.ts compares them).
 */
export async function checkInParallel(project: Project): Promise<{ diagnostics: Diagnostic[]; sources: Map<string, string> }> {
  requireCasesDir(project);
  // One thread per CPU, and at least PARALLEL_CHECK_MIN_CASES cases for each. A worker takes a
  // moment to start (it imports the pipeline), so the workers are started from a count of the
  // case folders, while this thread finds the files, and sent the batches once they are known.
  const folders = readdirSync(project.casesDir).filter((name) => !name.startsWith(".")).length;
  const threads = Math.max(1, Math.min(availableParallelism(), Math.floor(folders / PARALLEL_CHECK_MIN_CASES)));
  const workers = Array.from({ length: threads - 1 }, startWorker);
  const checked: CheckedBatch[] = [];
  let found: ReturnType<typeof findCaseFiles>;
  try {
    found = findCaseFiles(project.casesDir, project.cwd);
    const input: CheckBatchesInput = {
      batches: batchesOfCases(found.files, BATCH_CASES),
      next: new Int32Array(new SharedArrayBuffer(4)),
      caseIds: [...new Set(found.files.map((f) => f.id))],
      vocabularies: project.vocabularies,
      currentYear: project.currentYear,
    };
    // The workers get the batches first, so that they claim some while this thread checks others.
    const pending = workers.map((worker) => worker.check(input));
    checked.push(...(await checkBatches(input)));
    for (const answer of await Promise.all(pending)) checked.push(...answer);
  } finally {
    for (const worker of workers) void worker.stop();
  }
  const sources = new Map(project.sources);
  const diagnostics: Diagnostic[] = [...project.diagnostics, ...found.diagnostics];
  for (const batch of checked.sort((a, b) => a.index - b.index)) {
    diagnostics.push(...batch.diagnostics.map(diagnosticFromRecord));
    for (const [file, text] of batch.sources) sources.set(file, text);
  }
  return { diagnostics: sortDiagnostics(diagnostics), sources };
}

/** Runs of `size` whole cases, in the casebook's order. */
function batchesOfCases(refs: readonly CaseFileRef[], size: number): CaseFileRef[][] {
  const batches: CaseFileRef[][] = [];
  let cases = 0;
  let previous: string | undefined;
  for (const ref of refs) {
    if (ref.id !== previous && cases++ % size === 0) batches.push([]);
    previous = ref.id;
    batches.at(-1)!.push(ref);
  }
  return batches;
}

/** A worker thread, started now, that checks the batches it is given later. */
function startWorker(): { check: (input: CheckBatchesInput) => Promise<CheckedBatch[]>; stop: () => Promise<number> } {
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
