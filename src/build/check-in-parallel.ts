import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { diagnosticFromRecord } from "../cache/diagnostic-record.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { findCaseFiles, type CaseFileRef } from "../load/find-case-files.js";
import { checkPart, type CheckPartInput, type CheckPartResult } from "./check-part.js";
import { requireCasesDir, type Project } from "./open-project.js";

/** Below this many cases a worker costs more to start than it saves. */
export const PARALLEL_CHECK_MIN_CASES = 200;

/**
 * `casebook check` on every CPU: the cases are split into parts of whole cases, one checked in this
 * thread and the others in worker threads, and the diagnostics joined and sorted. The result is
 * the same as `checkCasebook`'s (test/check-parallel.test.ts compares them).
 */
export async function checkInParallel(project: Project): Promise<{ diagnostics: Diagnostic[]; sources: Map<string, string> }> {
  requireCasesDir(project);
  // One thread per CPU, and at least PARALLEL_CHECK_MIN_CASES cases for each. A worker takes a
  // moment to start (it imports the pipeline), so the workers are started from a count of the
  // case folders, while this thread finds the files, and given their part once it is known.
  const folders = readdirSync(project.casesDir).filter((name) => !name.startsWith(".")).length;
  const threads = Math.max(1, Math.min(availableParallelism(), Math.floor(folders / PARALLEL_CHECK_MIN_CASES)));
  const workers = Array.from({ length: threads - 1 }, startWorker);
  let results: CheckPartResult[];
  let found: ReturnType<typeof findCaseFiles>;
  try {
    found = findCaseFiles(project.casesDir, project.cwd);
    const caseIds = [...new Set(found.files.map((f) => f.id))];
    const parts = splitByCase(found.files, threads).map((refs): CheckPartInput => ({ refs, caseIds, vocabularies: project.vocabularies, currentYear: project.currentYear }));
    const [own, ...others] = parts;
    // The workers get their parts first, so that they run while this thread checks its own.
    const pending = others.map((part, i) => workers[i]!.check(part));
    results = [checkPart(own!), ...(await Promise.all(pending))];
  } finally {
    for (const worker of workers) void worker.stop();
  }
  const sources = new Map(project.sources);
  const diagnostics: Diagnostic[] = [...project.diagnostics, ...found.diagnostics];
  for (const result of results) {
    diagnostics.push(...result.diagnostics.map(diagnosticFromRecord));
    for (const [file, text] of result.sources) sources.set(file, text);
  }
  return { diagnostics: sortDiagnostics(diagnostics), sources };
}

/** `count` runs of whole cases, about equal in files, in the casebook's order. */
function splitByCase(refs: readonly CaseFileRef[], count: number): CaseFileRef[][] {
  const parts: CaseFileRef[][] = [[]];
  const size = Math.ceil(refs.length / count);
  for (const ref of refs) {
    let part = parts[parts.length - 1]!;
    const previous = part[part.length - 1];
    if (part.length >= size && previous?.id !== ref.id && parts.length < count) parts.push((part = []));
    part.push(ref);
  }
  return parts;
}

/** A worker thread, started now, that checks the part it is given later. */
function startWorker(): { check: (input: CheckPartInput) => Promise<CheckPartResult>; stop: () => Promise<number> } {
  const worker = new Worker(new URL("./check-worker.js", import.meta.url));
  const result = new Promise<CheckPartResult>((resolve, reject) => {
    worker.once("message", (answer: CheckPartResult) => resolve(answer));
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
