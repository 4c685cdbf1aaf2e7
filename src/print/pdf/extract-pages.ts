import type { BookIndex, OutlineItem } from "./book-index.js";
import { fileId, infoDict, type PdfMetadata } from "./pdf-info.js";
import { nameOf, nameText, numberOf, PdfAtom, PdfName, PdfRef, textString, type PdfDict, type PdfValue } from "./pdf-syntax.js";
import { newRef, PdfWriter } from "./pdf-writer.js";

export interface ExtractOptions {
  /** 1-based, inclusive. */
  first: number;
  last: number;
  metadata: PdfMetadata;
  /** Where a link to a destination outside these pages goes instead: a web address. */
  externalLink: (name: string) => string;
}

/** References inside these keys lead out of the extracted part (they are rebuilt, not followed). */
const NOT_FOLLOWED = new Set(["Parent", "P", "Prev", "Next", "First", "Last"]);

/**
 * A new PDF of some pages of a printed book, as tagged and navigable as the book: their structure
 * elements under a new document element, their part of the parent tree, the outline items that point
 * into them, the named destinations on them; links to anything else become links to the web. Fonts,
 * images and content streams are copied byte for byte.
 */
export function extractPages(book: BookIndex, options: ExtractOptions): Uint8Array {
  const { pdf } = book;
  const inRange = (page: number | undefined) => page !== undefined && page >= options.first && page <= options.last;
  const pages = book.pageObjects.slice(options.first - 1, options.last);
  const w = new PdfWriter();
  const catalog = w.reserve();
  const pagesRoot = w.reserve();
  const info = w.reserve();
  const structRoot = book.structRoot ? w.reserve() : 0;
  const documentElement = book.structRoot ? w.reserve() : 0;
  const tops = book.tops.filter((t) => t.first >= options.first && t.last <= options.last).map((t) => t.num);
  const topSet = new Set(tops);

  const copy = (num: number) => {
    if (w.numberOf(pdf, num) !== undefined) return;
    const value = pdf.object(num).value;
    const dict = value instanceof Map ? value : undefined;
    const type = nameOf(dict?.get("Type"));
    if (type === "Page" && !inRange(book.pageNumber.get(num))) throw new Error(`Extracting pages ${options.first}–${options.last} reached page ${book.pageNumber.get(num)}.`);
    w.copy(pdf, num, (d) => patch(num, d, type));
    follow(value);
  };
  const follow = (value: PdfValue) => {
    if (value instanceof PdfRef) copy(value.num);
    else if (Array.isArray(value)) value.forEach(follow);
    else if (value instanceof Map) for (const [key, v] of value) if (!NOT_FOLLOWED.has(key)) follow(v);
  };
  const patch = (num: number, d: PdfDict, type: string | undefined): PdfDict => {
    if (type === "Page") d.set("Parent", newRef(pagesRoot));
    const parent = d.get("P");
    // A structure element whose parent stays behind hangs from the new document element.
    if (topSet.has(num) || (type === "StructElem" && parent instanceof PdfRef && w.numberOf(pdf, parent.num) === undefined)) d.set("P", newRef(documentElement));
    if (type === "Annot" && d.has("Dest")) {
      const dest = d.get("Dest");
      const name = dest instanceof PdfName ? nameText(dest.raw) : undefined;
      if (name !== undefined && !inRange(book.dests.get(name)?.page)) {
        d.delete("Dest");
        d.set("A", new Map<string, PdfValue>([["S", new PdfName("URI")], ["URI", textString(options.externalLink(name))]]));
      }
    }
    return d;
  };

  for (const page of pages) copy(page);
  const parentTree: PdfValue[] = [];
  if (book.structRoot) {
    for (const top of tops) copy(top);
    const keys = new Set<number>();
    for (const page of pages) {
      const dict = pdf.dict(new PdfRef(page));
      const key = numberOf(dict?.get("StructParents"));
      if (key !== undefined) keys.add(key);
      for (const annot of (pdf.resolve(dict?.get("Annots")) as PdfValue[] | undefined) ?? []) {
        const annotKey = numberOf(pdf.dict(annot)?.get("StructParent"));
        if (annotKey !== undefined) keys.add(annotKey);
      }
    }
    for (const key of [...keys].sort((a, b) => a - b)) {
      const value = book.parentTree.get(key);
      if (value === undefined) continue;
      follow(value);
      parentTree.push(new PdfAtom(String(key)), value);
    }
    const lang = pdf.catalog.get("Lang");
    w.set(documentElement, new Map<string, PdfValue>([["Type", new PdfName("StructElem")], ["S", new PdfName("Document")], ...(lang ? [["Lang", lang] as [string, PdfValue]] : []), ["P", newRef(structRoot)], ["K", tops.map((t) => new PdfRef(t))]]), pdf);
    const tree = w.add(new Map([["Nums", parentTree]]), pdf);
    const root = new Map<string, PdfValue>([["Type", new PdfName("StructTreeRoot")], ["K", newRef(documentElement)], ["ParentTree", newRef(tree)], ["ParentTreeNextKey", new PdfAtom(String(Math.max(-1, ...keys) + 1))]]);
    for (const key of ["RoleMap", "ClassMap"]) {
      const value = book.structRoot.get(key);
      if (value !== undefined) {
        follow(value);
        root.set(key, value);
      }
    }
    w.set(structRoot, root, pdf);
  }

  const outlines = copyOutline(w, book, inRange);
  const dests = new Map<string, PdfValue>();
  for (const [name, dest] of book.dests) if (inRange(dest.page)) dests.set(encodeName(name), dest.value);
  const destsNum = w.add(dests, pdf);
  w.set(pagesRoot, new Map<string, PdfValue>([["Type", new PdfName("Pages")], ["Count", new PdfAtom(String(pages.length))], ["Kids", pages.map((p) => new PdfRef(p))]]), pdf);
  const catalogDict = new Map<string, PdfValue>([["Type", new PdfName("Catalog")], ["Pages", newRef(pagesRoot)], ["Dests", newRef(destsNum)]]);
  if (book.structRoot) {
    catalogDict.set("MarkInfo", new Map([["Marked", new PdfAtom("true")]]));
    catalogDict.set("StructTreeRoot", newRef(structRoot));
  }
  if (outlines) catalogDict.set("Outlines", newRef(outlines));
  catalogDict.set("PageMode", new PdfName(outlines ? "UseOutlines" : "UseNone"));
  catalogDict.set("ViewerPreferences", new Map([["DisplayDocTitle", new PdfAtom("true")]]));
  catalogDict.set("Lang", textString(options.metadata.language));
  w.set(catalog, catalogDict);
  w.set(info, infoDict(options.metadata, "Casebook with Skia/PDF"));
  return w.finish(catalog, info, fileId(options.metadata));
}

/** The outline items that point into the pages (with everything under them), as a new outline. */
function copyOutline(w: PdfWriter, book: BookIndex, inRange: (page: number | undefined) => boolean): number | undefined {
  const pick = (items: OutlineItem[]): OutlineItem[] => items.flatMap((item) => (inRange(item.page) ? [item] : pick(item.children)));
  const top = pick(book.outline);
  if (top.length === 0) return undefined;
  const root = w.reserve();
  const write = (items: OutlineItem[], parent: number): { first: number; last: number; count: number } => {
    const nums = items.map(() => w.reserve());
    let count = 0;
    items.forEach((item, i) => {
      const dict = new Map<string, PdfValue>();
      for (const key of ["Title", "Dest", "A", "SE", "C", "F"]) {
        const value = item.dict.get(key);
        if (value === undefined) continue;
        if (key === "SE" && value instanceof PdfRef && w.numberOf(book.pdf, value.num) === undefined) continue;
        dict.set(key, value);
      }
      dict.set("Parent", newRef(parent));
      if (i > 0) dict.set("Prev", newRef(nums[i - 1]!));
      if (i < items.length - 1) dict.set("Next", newRef(nums[i + 1]!));
      const kids = item.children.filter((c) => inRange(c.page));
      if (kids.length) {
        const sub = write(kids, nums[i]!);
        dict.set("First", newRef(sub.first)).set("Last", newRef(sub.last)).set("Count", new PdfAtom(String(sub.count)));
        count += sub.count;
      }
      count += 1;
      w.set(nums[i]!, dict, book.pdf);
    });
    return { first: nums[0]!, last: nums.at(-1)!, count };
  };
  const all = write(top, root);
  w.set(root, new Map<string, PdfValue>([["Type", new PdfName("Outlines")], ["First", newRef(all.first)], ["Last", newRef(all.last)], ["Count", new PdfAtom(String(all.count))]]));
  return root;
}

/** A name as PDF writes it: bytes outside printable ASCII, and delimiters, as `#xx`. */
function encodeName(text: string): string {
  return [...Buffer.from(text, "utf8")].map((b) => (b > 0x20 && b < 0x7f && !"#()<>[]{}/%".includes(String.fromCharCode(b)) ? String.fromCharCode(b) : `#${b.toString(16).padStart(2, "0")}`)).join("");
}
