/**
 * Text for a brace-delimited BibTeX field. Braces become `\textbraceleft{}` and
 * `\textbraceright{}` rather than `\{`/`\}`, because BibTeX counts every brace, escaped or not, when
 * it looks for the end of a field: the output's braces always balance.
 */
const LATEX: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\textbraceleft{}",
  "}": "\\textbraceright{}",
  "%": "\\%",
  $: "\\$",
  "&": "\\&",
  "#": "\\#",
  _: "\\_",
  "^": "\\textasciicircum{}",
  "~": "\\textasciitilde{}",
};

// Controls (and lone surrogates) are dropped; any run of whitespace becomes one space, since a blank line would end a paragraph.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeLatex(text: string): string {
  return text
    .replace(CONTROL, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\{}%$&#_^~]/g, (c) => LATEX[c] ?? c);
}
