import matter from "gray-matter";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceText } from "./source-text.js";

export interface SplitFile {
  /** The YAML between the delimiters, and the offset in the file where it starts. */
  yaml: string;
  yamlOffset: number;
  /** The Markdown after the closing delimiter, and where it starts. */
  body: string;
  bodyOffset: number;
}

// gray-matter only splits here: the YAML is parsed with `yaml`, which keeps positions. An options
// object is always passed, because without one gray-matter caches every input forever.
const SPLIT_ONLY = { engines: { yaml: { parse: () => ({}), stringify: () => "" } } };
const OPENING = /^---[ \t]*(?:\n|$)/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

export function splitFrontmatter(source: SourceText, display: string): { split?: SplitFile; diagnostics: Diagnostic[] } {
  const text = source.text;
  const opening = OPENING.exec(text);
  if (!opening) {
    return {
      diagnostics: [
        createDiagnostic({
          ruleId: "frontmatter-missing",
          file: display,
          place: source.range(0, Math.max(1, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n"))),
          reason: "The file has no frontmatter: it must start with a line holding only `---`.",
        }),
      ],
    };
  }
  const yamlOffset = opening[0].length;
  const closing = CLOSING.exec(text.slice(yamlOffset));
  if (!closing) {
    return {
      diagnostics: [
        createDiagnostic({
          ruleId: "frontmatter-unterminated",
          file: display,
          place: source.range(0, 3),
          reason: "The frontmatter opened here is never closed.",
        }),
      ],
    };
  }
  const closingOffset = yamlOffset + closing.index;
  // gray-matter is given the frontmatter and its closing line only: on the whole file it would copy
  // every body into a Buffer and use it as a cache key, a third of `check`'s time on a large casebook.
  const lineEnd = text.indexOf("\n", closingOffset);
  const head = lineEnd === -1 ? text : text.slice(0, lineEnd + 1);
  const parsed = matter(head, SPLIT_ONLY);
  const bodyOffset = head.length - parsed.content.length;
  if (text.lastIndexOf("\n", bodyOffset - 1) < closingOffset || (bodyOffset < text.length && text[bodyOffset - 1] !== "\n")) {
    // gray-matter closed the block on a line that is not exactly `---` (for example `----`).
    const lineStart = text.lastIndexOf("\n", bodyOffset - 1) + 1;
    return {
      diagnostics: [
        createDiagnostic({
          ruleId: "frontmatter-unterminated",
          file: display,
          place: source.range(lineStart, text.indexOf("\n", lineStart) === -1 ? text.length : text.indexOf("\n", lineStart)),
          reason: "This line ends the frontmatter, but a closing delimiter must be exactly `---`.",
        }),
      ],
    };
  }
  return {
    split: { yaml: text.slice(yamlOffset, closingOffset), yamlOffset, body: text.slice(bodyOffset), bodyOffset },
    diagnostics: [],
  };
}
