import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from "yaml";

export type PathKey = string | number;

/** The value node at `path`, or undefined when some step is missing. */
export function valueNodeAt(doc: Document, path: readonly PathKey[]): Node | undefined {
  let node: unknown = doc.contents;
  for (const key of path) {
    if (isMap(node)) node = pairIn(node.items, key)?.value;
    else if (isSeq(node) && typeof key === "number") node = node.items[key];
    else return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}

/** The key node of `key` in the map at `path` (for unknown and conflicting keys). */
export function keyNodeAt(doc: Document, path: readonly PathKey[], key: string): Node | undefined {
  const map = path.length === 0 ? doc.contents : valueNodeAt(doc, path);
  if (!isMap(map)) return undefined;
  const pair = pairIn(map.items, key);
  return (pair?.key ?? undefined) as Node | undefined;
}

/**
 * Where a missing key should point: the key of its parent field (`partners:` for a partner without
 * `kind`, or the list item), or undefined for a field missing at the top level.
 */
export function parentAnchor(doc: Document, path: readonly PathKey[]): Node | undefined {
  for (let depth = path.length - 1; depth > 0; depth--) {
    const parentPath = path.slice(0, depth);
    const last = parentPath.at(-1);
    if (typeof last === "string") {
      const key = keyNodeAt(doc, parentPath.slice(0, -1), last);
      if (key) return key;
    } else {
      const item = valueNodeAt(doc, parentPath);
      if (item) return item;
    }
  }
  return undefined;
}

function pairIn(items: readonly Pair[], key: PathKey): Pair | undefined {
  return items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
}

/** [start, end] offsets of a node's value inside the YAML text. */
export function nodeRange(node: Node | undefined): [number, number] | undefined {
  const range = node?.range;
  return range ? [range[0], range[1]] : undefined;
}
