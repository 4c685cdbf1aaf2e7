import type { VFileMessage } from "vfile-message";

/** GitHub Actions workflow commands, so each message is annotated on its line of the pull request. */
export function formatGithub(messages: readonly VFileMessage[]): string {
  return messages
    .map((m) => {
      const end = m.place && "end" in m.place ? m.place.end : undefined;
      const properties = [
        ["file", m.file ?? ""],
        ["line", String(m.line ?? 1)],
        ["col", String(m.column ?? 1)],
        ...(end ? [["endLine", String(end.line)], ["endColumn", String(end.column)]] : []),
        ["title", `${m.ruleId ?? "casebook"}`],
      ]
        .map(([key, value]) => `${key}=${escapeProperty(value ?? "")}`)
        .join(",");
      const text = m.note ? `${m.reason}\n${m.note}` : m.reason;
      return `::${m.fatal ? "error" : "warning"} ${properties}::${escapeData(text)}`;
    })
    .join("\n")
    .concat(messages.length ? "\n" : "");
}

/** Escaping of a workflow command's message. */
export function escapeData(value: string): string {
  return value.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** Escaping of a workflow command's property value (also `:` and `,`, which delimit properties). */
export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(":", "%3A").replaceAll(",", "%2C");
}
