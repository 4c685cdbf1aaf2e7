import { diagnosticFromRecord } from "../cache/diagnostic-record.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { findCaseFiles, type CaseFileRef } from "../load/find-case-files.js";
import { checkBatches, type CheckedBatch, type CheckBatchesInput } from "./check-batches.js";
import { checkThreads, startCheckWorker, type CheckWorker } from "./check-workers.js";
import { requireCasesDir, type Project } from "./open-project.js";

export { PARALLEL_CHECK_MIN_CASES } from "./check-workers.js";

/** Cases per batch that a thread claims at a time: small enough that the threads end together. */
const BATCH_CASES = 48;

/**
 * `casebook check` on every CPU: the cases are cut into batches of whole cases, which this thread and
 * worker threads claim one at a time (see check-batches.ts), and the diagnostics are joined in the
 * casebook's order and sorted. The result is the same as `checkCasebook`'s
 * (test/check-parallel.test.ts compares them).
 */
export async function checkInParallel(project: Project, started: readonly CheckWorker[] = []): Promise<{ diagnostics: Diagnostic[]; sources: Map<string, string> }> {
  // One thread per CPU, and at least PARALLEL_CHECK_MIN_CASES cases for each. A worker takes a
  // moment to start (it imports the pipeline), so the workers are started from a count of the
  // case folders (the command line starts them before it imports the pipeline itself: `started`),
  // while this thread finds the files, and sent the batches once they are known. Workers started
  // for another folder than the project's (its configuration names one) are kept as far as needed.
  const wanted = checkThreads(project.casesDir) - 1;
  const workers = [...started.slice(0, wanted), ...Array.from({ length: Math.max(0, wanted - started.length) }, startCheckWorker)];
  for (const spare of started.slice(wanted)) void spare.stop();
  const checked: CheckedBatch[] = [];
  let found: ReturnType<typeof findCaseFiles>;
  try {
    requireCasesDir(project);
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
