import { parseMarkdown } from "../markdown/parse-markdown.js";
import { bodyReferences } from "./body-references.js";
import type { ValidatedFile } from "./validate-file.js";

/** Parses a case body properly and reads its links, images and headings with their exact places. */
export function parseBody(file: ValidatedFile): void {
  if (file.body === undefined) return;
  file.mdast = parseMarkdown(file.body);
  file.references = bodyReferences(file.mdast);
}
