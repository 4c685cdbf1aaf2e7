import { createDiagnostic, type Diagnostic, type Range } from "../diagnostics/diagnostic.js";
import type { RuleId } from "../diagnostics/rules.js";

/** A diagnostic as stored in the cache: what the formatters read. */
export interface DiagnosticRecord {
  ruleId: string;
  reason: string;
  file: string;
  place: Range;
  note?: string;
  expected?: string[];
  fatal: boolean;
}

export function diagnosticRecord(d: Diagnostic): DiagnosticRecord {
  const place = d.place && "start" in d.place ? { start: d.place.start, ...(d.place.end ? { end: d.place.end } : {}) } : { start: d.place ?? { line: 1, column: 1 } };
  return {
    ruleId: d.ruleId,
    reason: d.reason,
    file: d.file ?? "",
    place: { start: { line: place.start.line, column: place.start.column }, ...(place.end ? { end: { line: place.end.line, column: place.end.column } } : {}) },
    ...(d.note ? { note: d.note } : {}),
    ...(d.expected?.length ? { expected: d.expected } : {}),
    fatal: d.fatal === true,
  };
}

export function diagnosticFromRecord(r: DiagnosticRecord): Diagnostic {
  return createDiagnostic({
    ruleId: r.ruleId as RuleId,
    reason: r.reason,
    file: r.file,
    place: r.place,
    ...(r.note !== undefined ? { hint: r.note } : {}),
    ...(r.expected ? { expected: r.expected } : {}),
    severity: r.fatal ? "error" : "warning",
  });
}
