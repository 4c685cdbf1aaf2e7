import { VFileMessage } from "vfile-message";
import { RULES, type RuleId, type Severity } from "./rules.js";

/** A 1-based line/column point, as vfile uses. */
export interface Point {
  line: number;
  column: number;
}
export interface Range {
  start: Point;
  end?: Point;
}

export interface DiagnosticInit {
  ruleId: RuleId;
  /** What is wrong and what was expected; never where. */
  reason: string;
  /** The display path of the file the message is about. */
  file: string;
  place: Range;
  /** What to do; defaults to the rule's own hint. */
  hint?: string;
  /** Candidate values (closest vocabulary terms, nearest key). */
  expected?: string[];
  severity?: Severity;
}

/** Diagnostics are vfile messages with a rule id, a severity (fatal = error) and a hint (note). */
export type Diagnostic = VFileMessage & { ruleId: RuleId };

export function createDiagnostic(init: DiagnosticInit): Diagnostic {
  const message = new VFileMessage(init.reason, {
    place: init.place.end ? { start: init.place.start, end: init.place.end } : init.place.start,
    ruleId: init.ruleId,
    source: "casebook",
  }) as Diagnostic;
  message.file = init.file;
  const severity = init.severity ?? RULES[init.ruleId].severity;
  message.fatal = severity === "error";
  message.note = init.hint ?? RULES[init.ruleId].hint;
  if (init.expected?.length) message.expected = init.expected;
  return message;
}

export function severityOf(message: VFileMessage): Severity {
  return message.fatal ? "error" : "warning";
}

/** Sorted by file, then line, then column, then rule id, so output is stable. */
export function sortDiagnostics<T extends VFileMessage>(messages: readonly T[]): T[] {
  return [...messages].sort(
    (a, b) =>
      (a.file ?? "").localeCompare(b.file ?? "", "en") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.ruleId ?? "").localeCompare(b.ruleId ?? "", "en"),
  );
}

export function countBySeverity(messages: readonly VFileMessage[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const m of messages) if (m.fatal) errors++;
  return { errors, warnings: messages.length - errors };
}
