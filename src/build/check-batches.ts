import type { Vocabularies } from "../../schema/vocabularies.js";
import { createCaseSchemas } from "../../schema/case.js";
import { diagnosticRecord, type DiagnosticRecord } from "../cache/diagnostic-record.js";
import type { CaseFileRef } from "../load/find-case-files.js";
import { loadCaseFiles } from "../load/load-casebook.js";
import type { BodyParser } from "../validate/validate-file.js";
import { validateLoaded } from "../validate/validate-loaded.js";

/**
 * What the threads of a check share: the casebook cut into batches of whole cases, and a counter in
 * shared memory from which each thread claims the next batch it checks. A thread that started late
 * (a worker imports the pipeline first) or runs slower simply checks fewer batches, so the threads
 * finish together whatever the machine does.
 */
export interface CheckBatchesInput {
  /** Batches of files of whole cases: a case is never split between batches. */
  batches: CaseFileRef[][];
  /** The index of the next unclaimed batch (one Int32 on a SharedArrayBuffer). */
  next: Int32Array;
  /** Every case id of the casebook, for `case:` links into other batches. */
  caseIds: string[];
  vocabularies: Vocabularies;
  currentYear: number;
}

/** One checked batch. Plain data, so that it crosses from a worker thread unchanged. */
export interface CheckedBatch {
  /** The batch's index: results are joined in the casebook's order, whoever checked them. */
  index: number;
  diagnostics: DiagnosticRecord[];
  /** The texts of the files the diagnostics are about, for their code frames. */
  sources: [file: string, text: string][];
}

/**
 * Claims and checks batches until none is left; returns the ones this thread checked. The Markdown
 * parser is imported the first time a batch has a body that the fast scan cannot vouch for (a clean
 * casebook often has none), and that batch is validated again with it.
 */
export async function checkBatches(input: CheckBatchesInput): Promise<CheckedBatch[]> {
  const schemas = createCaseSchemas(input.vocabularies);
  const ctx = { vocabularies: input.vocabularies, currentYear: input.currentYear, caseIds: input.caseIds, schemas };
  let parse: BodyParser | undefined;
  const checked: CheckedBatch[] = [];
  for (let index = Atomics.add(input.next, 0, 1); index < input.batches.length; index = Atomics.add(input.next, 0, 1)) {
    const loaded = loadCaseFiles(input.batches[index]!);
    let validated = validateLoaded(loaded, ctx, parse);
    if (!validated) {
      parse = (await import("../validate/body-parser.js")).parseBody;
      validated = validateLoaded(loaded, ctx, parse)!;
    }
    const about = new Set(validated.diagnostics.map((d) => d.file));
    const sources: [string, string][] = [];
    for (const file of loaded.files) if (file.source && about.has(file.ref.display)) sources.push([file.ref.display, file.source.text]);
    checked.push({ index, diagnostics: validated.diagnostics.map(diagnosticRecord), sources });
  }
  return checked;
}
