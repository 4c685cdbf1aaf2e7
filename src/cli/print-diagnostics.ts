import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatGithub } from "../diagnostics/format-github.js";
import { formatJson } from "../diagnostics/format-json.js";
import { formatPretty } from "../diagnostics/format-pretty.js";
import { useColor, type CliIO } from "./io.js";
import { UsageError } from "./usage.js";

export const FORMATS = ["pretty", "github", "json"] as const;
export type Format = (typeof FORMATS)[number];

/** `--format`, defaulting to GitHub annotations inside GitHub Actions. */
export function pickFormat(value: string | undefined, io: CliIO): Format {
  if (value === undefined) return io.env["GITHUB_ACTIONS"] === "true" ? "github" : "pretty";
  if (!(FORMATS as readonly string[]).includes(value))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not "${value}".`);
  return value as Format;
}

export function renderDiagnostics(diagnostics: readonly Diagnostic[], format: Format, sources: ReadonlyMap<string, string>, io: CliIO): string {
  switch (format) {
    case "github":
      return formatGithub(diagnostics);
    case "json":
      return formatJson(diagnostics);
    default:
      return formatPretty(diagnostics, { color: useColor(io), sources });
  }
}
