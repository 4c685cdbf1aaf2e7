import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { markdownLimitProblem } from "./markdown-limits.js";

// One frozen parser, reused for every case: building a processor costs more than a small parse.
const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/** Parses a case body (GFM). Positions are relative to the body; add the body's offset for the file. */
export function parseMarkdown(body: string): Root {
  // A body over the limits of markdown-limits.ts (validation reports it as `body-too-complex`) is
  // never given to the parser, which could take minutes or overflow the stack: it stays plain text.
  if (markdownLimitProblem(body)) return { type: "root", children: [{ type: "paragraph", children: [{ type: "text", value: body }] }] };
  return parser.parse(body);
}
