import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

// One frozen parser, reused for every case: building a processor costs more than a small parse.
const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/** Parses a case body (GFM). Positions are relative to the body; add the body's offset for the file. */
export function parseMarkdown(body: string): Root {
  return parser.parse(body);
}
