import type { PdfFile } from "./pdf-file.js";
import { nameOf, PdfAtom, type PdfDict, type PdfValue } from "./pdf-syntax.js";

/**
 * Chromium names the structure elements that table cells refer to (`/ID`, and the cells' `/Headers`)
 * after its DOM nodes: `(node00000635)`, a number that depends on every node the browser made
 * before, in any tab. The same book would then differ from build to build, and two chunks of a long
 * book could use the same name. This gives every such name a new one, `(n1)`, `(n2)`…, in the order
 * the joined book meets them, separately for each source file. Returns the patch for a copied
 * object's dictionary (a new dictionary where something changed; inline values are never mutated).
 */
export function structureIdRenamer(): (file: PdfFile, dict: PdfDict) => PdfDict {
  const names = new Map<PdfFile, Map<string, PdfAtom>>();
  let next = 0;
  const rename = (file: PdfFile, atom: PdfAtom): PdfAtom => {
    let map = names.get(file);
    if (!map) names.set(file, (map = new Map()));
    let renamed = map.get(atom.raw);
    if (!renamed) map.set(atom.raw, (renamed = new PdfAtom(`(n${++next})`)));
    return renamed;
  };
  const walk = (file: PdfFile, value: PdfValue, key?: string): PdfValue => {
    if (value instanceof PdfAtom) return (key === "ID" || key === "Headers") && value.raw.startsWith("(") ? rename(file, value) : value;
    if (Array.isArray(value)) return value.map((item) => walk(file, item, key === "Headers" ? key : undefined));
    if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, walk(file, v, k)]));
    return value;
  };
  return (file, dict) => {
    const type = nameOf(dict.get("Type"));
    const isElement = type === "StructElem" || (type === undefined && dict.has("S"));
    if (!isElement || !(dict.has("ID") || dict.has("A"))) return dict;
    return walk(file, dict) as PdfDict;
  };
}
