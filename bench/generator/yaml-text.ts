import { parse } from "yaml";

/** Writes a YAML scalar: plain when that is safe, else double-quoted (JSON strings are valid YAML). */
export function yamlScalar(value: string | number): string {
  if (typeof value === "number") return String(value);
  const plainUnsafe =
    /^[\s\-?:,[\]{}#&*!|>'"%@`]|[:#]\s|\s#|:$|\s$|[,[\]{}]/.test(value) ||
    /^(?:true|false|yes|no|on|off|null|~|y|n)$/i.test(value) ||
    /^[-+.\d]/.test(value);
  return plainUnsafe ? JSON.stringify(value) : value;
}

/** A flow sequence such as `[TH, CN]`, quoting any item that would not read back as itself. */
export function yamlFlow(items: readonly (string | number)[]): string {
  const item = (i: string | number) =>
    typeof i === "number" || (/^[\p{L}][^,[\]{}:#"'&*!|>%@`]*$/u.test(i) && !/\s$/.test(i) && !/^(?:true|false|yes|no|on|off|null|y|n)$/i.test(i))
      ? String(i)
      : JSON.stringify(i);
  return `[${items.map(item).join(", ")}]`;
}

/** A folded block scalar (`>-`) wrapped near `width` columns, as editors write long summaries. */
export function yamlFolded(key: string, text: string, width = 110): string {
  const lines: string[] = [];
  // CJK text has no spaces to wrap at: one line.
  if (!text.includes(" ")) return `${key}: >-\n  ${text}`;
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return `${key}: >-\n${lines.map((l) => `  ${l}`).join("\n")}`;
}

/** A string written plain when YAML reads it back as that string, else double-quoted. */
export function yamlStringOnly(value: string): string {
  let plain: unknown;
  try {
    plain = parse(value);
  } catch {
    plain = undefined;
  }
  return plain === value ? value : JSON.stringify(value);
}
