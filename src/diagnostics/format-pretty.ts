import { codeFrameColumns } from "@babel/code-frame";
import pc from "picocolors";
import type { VFileMessage } from "vfile-message";
import { countBySeverity } from "./diagnostic.js";

/** Diagnostics of one file shown with a code frame; later ones get only their first line and hint. */
export const MAX_FRAMES_PER_FILE = 100;

export interface PrettyOptions {
  color: boolean;
  /** File texts by display path, for the code frames. */
  sources: ReadonlyMap<string, string>;
}

/** Human output: `path:line:col  severity  message  rule-id`, a code frame and the hint. */
export function formatPretty(messages: readonly VFileMessage[], options: PrettyOptions): string {
  const c = pc.createColors(options.color);
  // A code frame costs time in proportion to the file: a hostile file with thousands of problems
  // (100,000 unknown keys) would take minutes. Past MAX_FRAMES_PER_FILE they are listed without one.
  const framed = new Map<string, number>();
  const blocks = messages.map((m) => {
    const severity = m.fatal ? c.red("error") : c.yellow("warning");
    const where = `${m.file}:${m.line ?? 1}:${m.column ?? 1}`;
    const lines = [`${c.bold(where)}  ${severity}  ${m.reason}  ${c.dim(m.ruleId ?? "")}`];
    const source = m.file ? options.sources.get(m.file) : undefined;
    const frames = (framed.get(m.file ?? "") ?? 0) + 1;
    framed.set(m.file ?? "", frames);
    if (source !== undefined && m.line && frames <= MAX_FRAMES_PER_FILE) {
      const start = { line: m.line, column: m.column ?? 1 };
      const end = m.place && "end" in m.place && m.place.end.line === m.line ? { line: m.place.end.line, column: m.place.end.column } : undefined;
      const frame = codeFrameColumns(source, end ? { start, end } : { start }, {
        highlightCode: false,
        forceColor: false,
        linesAbove: 1,
        linesBelow: 1,
      });
      lines.push(frame.replace(/^/gm, "  "));
    }
    if (m.note) lines.push(`  ${c.cyan("hint:")} ${m.note}`);
    return lines.join("\n");
  });
  const { errors, warnings } = countBySeverity(messages);
  const files = new Set(messages.map((m) => m.file)).size;
  const summary =
    messages.length === 0
      ? ""
      : `${errors ? c.red(`✖ ${plural(errors, "error")}`) : c.yellow("⚠")}${errors && warnings ? ", " : " "}${warnings ? plural(warnings, "warning") : ""} in ${plural(files, "file")}`.replace(/\s+in/, " in");
  return [...blocks, summary].filter(Boolean).join("\n\n") + (messages.length ? "\n" : "");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
