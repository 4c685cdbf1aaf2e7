/** The languages the contributor guide is written in, and the file of each. */
export const DOC_LANGUAGES = ["en", "zh"] as const;
export type DocLanguage = (typeof DOC_LANGUAGES)[number];

export const CONTRIBUTING_FILES: Record<DocLanguage, string> = {
  en: "CONTRIBUTING.md",
  zh: "CONTRIBUTING.zh.md",
};

/** Text of a Markdown table cell: pipes escaped, line breaks folded. */
export function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ").trim();
}

export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}
