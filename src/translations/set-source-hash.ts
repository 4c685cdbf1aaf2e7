import { isMap, isScalar, type Node, type Pair } from "yaml";
import type { LoadedFile } from "../load/load-casebook.js";

/**
 * The text of a translation with `sourceHash: <hash>` recorded: the line(s) of an existing
 * `sourceHash` are replaced, or a line is added right after `translatedFrom`. Every other byte stays.
 * The file must have readable block-style frontmatter (check reports the others).
 */
export function setSourceHash(file: LoadedFile, hash: string): string {
  const fm = file.frontmatter;
  const text = file.source?.text;
  if (!fm || text === undefined || !isMap(fm.doc.contents) || fm.doc.contents.flow)
    throw new Error(`${file.ref.display} has no readable block frontmatter`);
  const items = fm.doc.contents.items as Pair<Node | null, Node | null>[];
  const find = (key: string) => items.find((p) => isScalar(p.key) && p.key.value === key);
  const line = `sourceHash: ${hash}\n`;
  const existing = find("sourceHash");
  if (existing) {
    const [start, end] = pairLines(existing, text, fm.yamlOffset);
    return text.slice(0, start) + line + text.slice(end);
  }
  const anchor = find("translatedFrom");
  const at = anchor ? pairLines(anchor, text, fm.yamlOffset)[1] : fm.yamlOffset;
  return text.slice(0, at) + line + text.slice(at);
}

/** [start of the first line, end of the last line including its newline] of a `key: value` pair. */
function pairLines(pair: Pair<Node | null, Node | null>, text: string, offset: number): [number, number] {
  const start = offset + (pair.key?.range?.[0] ?? 0);
  const end = offset + (pair.value?.range?.[1] ?? pair.key?.range?.[1] ?? 0);
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const newline = text.indexOf("\n", Math.max(start, end - 1));
  return [lineStart, newline === -1 ? text.length : newline + 1];
}
