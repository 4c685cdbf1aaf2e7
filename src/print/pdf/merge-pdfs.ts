import { atomText, namedDestinations } from "./pdf-destinations.js";
import type { PdfFile } from "./pdf-file.js";
import { fileId, infoDict, type PdfMetadata } from "./pdf-info.js";
import { arrayOf, dictOf, nameOf, numberOf, PdfAtom, PdfName, PdfRef, textString, type PdfDict, type PdfValue } from "./pdf-syntax.js";
import { newRef, PdfWriter } from "./pdf-writer.js";
import { structureIdRenamer } from "./structure-ids.js";

export interface MergeOptions {
  metadata: PdfMetadata;
  /** Links to `<bookUrl>#anchor` (between chunks) become links to that named destination. */
  bookUrl: string;
}

/** References inside these keys are rebuilt, not followed. */
const NOT_FOLLOWED = new Set(["Parent", "P", "Prev", "Next", "First", "Last"]);

/**
 * Joins the PDFs of a book's chunks into one tagged book: their pages in order, their structure
 * elements under one document element (parent-tree keys shifted chunk by chunk), one outline nested
 * by heading level across chunks, all named destinations, links between chunks made internal, and the
 * document information. Content streams, fonts and images are copied byte for byte; a chunk's font
 * subsets get their own tags, as different subsets must, and the names Chromium gives structure
 * elements are renumbered (`structure-ids.ts`), so the same sources give the same file.
 */
export function mergePdfs(files: readonly PdfFile[], options: MergeOptions): Uint8Array {
  const w = new PdfWriter();
  const catalog = w.reserve();
  const pagesRoot = w.reserve();
  const info = w.reserve();
  const structRoot = w.reserve();
  const documentElement = w.reserve();
  const kids: PdfValue[] = [];
  const tops: PdfValue[] = [];
  const parentTree: PdfValue[] = [];
  const dests = new Map<string, PdfValue>();
  const outline: { level: number; file: PdfFile; dict: PdfDict; num: number }[] = [];
  let keyOffset = 0;
  const renameIds = structureIdRenamer();
  const retag = subsetRetagger();

  files.forEach((file, chunk) => {
    const root = file.dict(file.catalog.get("StructTreeRoot"));
    const documentNode = root ? file.dict(root.get("K")) : undefined;
    const topRefs = (documentNode && nameOf(documentNode.get("S")) === "Document" ? arrayOf(file.resolve(documentNode.get("K"))) : undefined) ?? [];
    const topSet = new Set(topRefs.flatMap((t) => (t instanceof PdfRef ? [t.num] : [])));
    const offset = keyOffset;
    const shiftKey = (d: PdfDict, key: string) => {
      const n = numberOf(d.get(key));
      if (n !== undefined) d.set(key, new PdfAtom(String(n + offset)));
    };
    const patch = (num: number, d: PdfDict): PdfDict => {
      const type = nameOf(d.get("Type"));
      if (type === "Page") {
        d.set("Parent", newRef(pagesRoot));
        shiftKey(d, "StructParents");
      }
      if (type === "Annot") {
        shiftKey(d, "StructParent");
        const action = dictOf(file.resolve(d.get("A")));
        const uri = action?.get("URI");
        const text = uri instanceof PdfAtom ? atomText(uri.raw) : "";
        if (text.startsWith(`${options.bookUrl}#`)) {
          d.delete("A");
          d.set("Dest", new PdfName(encodeName(decodeURIComponent(text.slice(options.bookUrl.length + 1)))));
        }
      }
      if (topSet.has(num)) d.set("P", newRef(documentElement));
      for (const key of ["BaseFont", "FontName"]) retag(d, key, chunk);
      return renameIds(file, d);
    };
    const copy = (num: number) => {
      if (w.numberOf(file, num) !== undefined) return;
      w.copy(file, num, (d) => patch(num, d));
      follow(file.object(num).value);
    };
    const follow = (value: PdfValue | undefined) => {
      if (value instanceof PdfRef) copy(value.num);
      else if (Array.isArray(value)) value.forEach(follow);
      else if (value instanceof Map) for (const [key, v] of value) if (!NOT_FOLLOWED.has(key)) follow(v);
    };
    const local = (value: PdfValue): PdfValue => remap(w, file, value);

    for (const page of file.pages()) {
      copy(page);
      kids.push(newRef(w.numberOf(file, page)!));
    }
    for (const top of topRefs) {
      follow(top);
      tops.push(local(top));
    }
    if (root) {
      const nums = readNumberTree(file, file.dict(root.get("ParentTree")));
      for (const [key, value] of nums) {
        follow(value);
        parentTree.push(new PdfAtom(String(key + offset)), local(value));
      }
      keyOffset += numberOf(root.get("ParentTreeNextKey")) ?? Math.max(-1, ...nums.keys()) + 1;
    }
    for (const [name, value] of namedDestinations(file)) {
      follow(value);
      dests.set(encodeName(name), local(value));
    }
    const outlines = file.dict(file.catalog.get("Outlines"));
    const walk = (first: PdfValue | undefined, depth: number) => {
      for (let ref = first; ref instanceof PdfRef; ) {
        const dict = file.dict(ref)!;
        const element = file.dict(dict.get("SE"));
        const heading = /^H([1-6])$/.exec(nameOf(element?.get("S")) ?? "")?.[1];
        outline.push({ level: heading ? Number(heading) : depth + 1, file, dict, num: ref.num });
        walk(dict.get("First"), depth + 1);
        ref = dict.get("Next");
      }
    };
    walk(outlines?.get("First"), 0);
  });

  const first = files[0]!;
  const lang = first.catalog.get("Lang");
  w.set(documentElement, new Map<string, PdfValue>([["Type", new PdfName("StructElem")], ["S", new PdfName("Document")], ...(lang ? [["Lang", lang] as [string, PdfValue]] : []), ["P", newRef(structRoot)], ["K", tops]]));
  const tree = w.add(new Map([["Nums", parentTree]]));
  w.set(structRoot, new Map<string, PdfValue>([["Type", new PdfName("StructTreeRoot")], ["K", newRef(documentElement)], ["ParentTree", newRef(tree)], ["ParentTreeNextKey", new PdfAtom(String(keyOffset))]]));
  const outlineRoot = writeOutline(w, outline);
  const destsNum = w.add(dests);
  w.set(pagesRoot, new Map<string, PdfValue>([["Type", new PdfName("Pages")], ["Count", new PdfAtom(String(kids.length))], ["Kids", kids]]));
  const catalogDict = new Map<string, PdfValue>([
    ["Type", new PdfName("Catalog")],
    ["Pages", newRef(pagesRoot)],
    ["Dests", newRef(destsNum)],
    ["MarkInfo", new Map([["Marked", new PdfAtom("true")]])],
    ["StructTreeRoot", newRef(structRoot)],
    ...(outlineRoot ? [["Outlines", newRef(outlineRoot)] as [string, PdfValue]] : []),
    ["PageMode", new PdfName(outlineRoot ? "UseOutlines" : "UseNone")],
    ["ViewerPreferences", new Map([["DisplayDocTitle", new PdfAtom("true")]])],
    ["Lang", textString(options.metadata.language)],
  ]);
  w.set(catalog, catalogDict);
  const producer = atomText((first.dict(first.trailer.get("Info"))?.get("Producer") as PdfAtom | undefined)?.raw ?? "(Chromium)");
  w.set(info, infoDict(options.metadata, `Casebook with ${producer}`));
  return w.finish(catalog, info, fileId(options.metadata));
}

/** The outline items of every chunk as one tree, nested by the level of the heading each item is. */
function writeOutline(w: PdfWriter, items: { level: number; file: PdfFile; dict: PdfDict }[]): number | undefined {
  if (items.length === 0) return undefined;
  const root = w.reserve();
  type Node = { num: number; level: number; item?: (typeof items)[number]; children: Node[] };
  const top: Node = { num: root, level: 0, children: [] };
  const stack: Node[] = [top];
  for (const item of items) {
    while (stack.length > 1 && stack.at(-1)!.level >= item.level) stack.pop();
    const node: Node = { num: w.reserve(), level: item.level, item, children: [] };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  }
  const count = (node: Node): number => node.children.reduce((n, c) => n + 1 + count(c), 0);
  const write = (node: Node) => {
    node.children.forEach((child, i) => {
      const { file, dict } = child.item!;
      const out = new Map<string, PdfValue>();
      for (const key of ["Title", "Dest", "A", "SE", "C", "F"]) {
        const value = dict.get(key);
        if (value === undefined || (key === "SE" && value instanceof PdfRef && w.numberOf(file, value.num) === undefined)) continue;
        out.set(key, remap(w, file, value));
      }
      out.set("Parent", newRef(node.num));
      if (i > 0) out.set("Prev", newRef(node.children[i - 1]!.num));
      if (i < node.children.length - 1) out.set("Next", newRef(node.children[i + 1]!.num));
      if (child.children.length) {
        out.set("First", newRef(child.children[0]!.num)).set("Last", newRef(child.children.at(-1)!.num)).set("Count", new PdfAtom(String(count(child))));
        write(child);
      }
      w.set(child.num, out);
    });
  };
  write(top);
  w.set(root, new Map<string, PdfValue>([["Type", new PdfName("Outlines")], ["First", newRef(top.children[0]!.num)], ["Last", newRef(top.children.at(-1)!.num)], ["Count", new PdfAtom(String(count(top)))]]));
  return root;
}

/** A value of `file` with its references turned into references of the new file. */
function remap(w: PdfWriter, file: PdfFile, value: PdfValue): PdfValue {
  if (value instanceof PdfRef) {
    const num = w.numberOf(file, value.num);
    if (num === undefined) throw new Error(`Object ${value.num} of a chunk was not copied.`);
    return newRef(num);
  }
  if (Array.isArray(value)) return value.map((v) => remap(w, file, v));
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, remap(w, file, v)]));
  return value;
}

function readNumberTree(file: PdfFile, node: PdfDict | undefined, out = new Map<number, PdfValue>()): Map<number, PdfValue> {
  if (!node) return out;
  const nums = arrayOf(file.resolve(node.get("Nums"))) ?? [];
  for (let i = 0; i + 1 < nums.length; i += 2) {
    const key = numberOf(nums[i]);
    if (key !== undefined) out.set(key, nums[i + 1]!);
  }
  for (const kid of arrayOf(file.resolve(node.get("Kids"))) ?? []) readNumberTree(file, file.dict(kid), out);
  return out;
}

/**
 * Font subset tags (`AAAAAA+NotoSans-Bold`) that do not depend on Chromium: it names subsets with a
 * counter for the whole browser process, so the same book printed after another one (or beside it)
 * would get other tags. Each subset of each chunk gets the next tag in the order the merge meets
 * them, which is the same for the same sources; the font and its descriptor share theirs.
 */
function subsetRetagger(): (d: PdfDict, key: string, chunk: number) => void {
  const tags = new Map<string, string>();
  const letters = (n: number) => Array.from({ length: 6 }, (_, i) => String.fromCharCode(65 + (Math.floor(n / 26 ** (5 - i)) % 26))).join("");
  return (d, key, chunk) => {
    const name = nameOf(d.get(key));
    const match = name ? /^([A-Z]{6})\+(.*)$/.exec(name) : null;
    if (!match) return;
    const original = `${chunk}:${match[1]}`;
    let tag = tags.get(original);
    if (!tag) tags.set(original, (tag = letters(tags.size)));
    d.set(key, new PdfName(`${tag}+${match[2]}`));
  };
}

/** A name as PDF writes it: bytes outside printable ASCII, and delimiters, as `#xx`. */
export function encodeName(text: string): string {
  return [...Buffer.from(text, "utf8")].map((b) => (b > 0x20 && b < 0x7f && !"#()<>[]{}/%".includes(String.fromCharCode(b)) ? String.fromCharCode(b) : `#${b.toString(16).padStart(2, "0")}`)).join("");
}
