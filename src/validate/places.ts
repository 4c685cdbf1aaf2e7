import type { Range } from "../diagnostics/diagnostic.js";
import type { LoadedFile } from "../load/load-casebook.js";
import { keyNodeAt, nodeRange, valueNodeAt, type PathKey } from "./yaml-node-at.js";

const TOP: Range = { start: { line: 1, column: 1 } };

/** The place of a frontmatter value (or of its key, with `key`), falling back to the opening `---`. */
export function frontmatterPlace(file: LoadedFile, path: readonly PathKey[], key?: string): Range {
  const fm = file.frontmatter;
  if (!fm || !file.source) return TOP;
  const node = key === undefined ? valueNodeAt(fm.doc, path) : keyNodeAt(fm.doc, path, key);
  const range = nodeRange(node);
  return range ? file.source.range(fm.yamlOffset + range[0], fm.yamlOffset + range[1]) : file.source.range(0, 3);
}

/** The place of a span of the Markdown body. */
export function bodyPlace(file: LoadedFile, start: number, end: number): Range {
  if (!file.source || file.bodyOffset === undefined) return TOP;
  return file.source.range(file.bodyOffset + start, file.bodyOffset + end);
}
