import type { VFileMessage } from "vfile-message";

/** One record of `--format json`: a stable shape for tools. */
export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number | null;
  endColumn: number | null;
  severity: "error" | "warning";
  ruleId: string;
  message: string;
  hint: string | null;
  expected: string[];
}

export function toJsonDiagnostics(messages: readonly VFileMessage[]): JsonDiagnostic[] {
  return messages.map((m) => {
    const end = m.place && "end" in m.place ? m.place.end : undefined;
    return {
      file: m.file ?? "",
      line: m.line ?? 1,
      column: m.column ?? 1,
      endLine: end?.line ?? null,
      endColumn: end?.column ?? null,
      severity: m.fatal ? "error" : "warning",
      ruleId: m.ruleId ?? "",
      message: m.reason,
      hint: m.note ?? null,
      expected: m.expected ?? [],
    };
  });
}

export function formatJson(messages: readonly VFileMessage[]): string {
  return `${JSON.stringify(toJsonDiagnostics(messages), null, 2)}\n`;
}
