import { namedDestinations, readDestinations } from "./pdf-destinations.js";
import type { PdfFile } from "./pdf-file.js";
import { arrayOf, dictOf, nameOf, nameText, numberOf, PdfName, PdfRef, type PdfDict, type PdfValue } from "./pdf-syntax.js";

/** An outline item of the book, with the page it goes to. */
export interface OutlineItem {
  num: number;
  dict: PdfDict;
  page: number | undefined;
  children: OutlineItem[];
}

/**
 * What splitting a printed book needs, read once: pages, named destinations, the structure tree's
 * top elements with the pages they span, the parent tree, and the outline.
 */
export class BookIndex {
  readonly pageObjects: number[];
  readonly pageNumber = new Map<number, number>();
  readonly dests = new Map<string, { value: PdfValue; page: number | undefined }>();
  readonly parentTree = new Map<number, PdfValue>();
  /** Children of the structure tree's document element, with the first and last page of their content. */
  readonly tops: { num: number; first: number; last: number }[] = [];
  readonly outline: OutlineItem[] = [];
  readonly structRoot: PdfDict | undefined;

  constructor(readonly pdf: PdfFile) {
    this.pageObjects = readDestinations(pdf).pageObjects;
    this.pageObjects.forEach((num, i) => this.pageNumber.set(num, i + 1));
    for (const [name, value] of namedDestinations(pdf)) this.dests.set(name, { value, page: this.destPage(value) });
    this.structRoot = pdf.dict(pdf.catalog.get("StructTreeRoot"));
    if (this.structRoot) {
      this.readNumberTree(pdf.dict(this.structRoot.get("ParentTree")));
      const roots = this.kids(this.structRoot.get("K"));
      // Chromium writes one Document element; its children are the body's blocks.
      const document = roots.length === 1 && roots[0] instanceof PdfRef ? pdf.dict(roots[0]) : undefined;
      const tops = document && nameOf(document.get("S")) === "Document" ? this.kids(document.get("K")) : roots;
      for (const top of tops) {
        if (!(top instanceof PdfRef)) continue;
        const first = this.edgePage(top, "first");
        const last = this.edgePage(top, "last");
        if (first !== undefined && last !== undefined) this.tops.push({ num: top.num, first, last });
      }
    }
    const outlines = pdf.dict(pdf.catalog.get("Outlines"));
    if (outlines) this.outline.push(...this.outlineItems(outlines.get("First")));
  }

  /** The page a destination (an array, a dictionary with /D, or a name) points to. */
  destPage(value: PdfValue | undefined): number | undefined {
    const resolved = this.pdf.resolve(value);
    if (resolved instanceof PdfName) return this.dests.get(nameText(resolved.raw))?.page;
    const array = arrayOf(resolved) ?? arrayOf(this.pdf.dict(resolved)?.get("D"));
    const page = array?.[0];
    return page instanceof PdfRef ? this.pageNumber.get(page.num) : undefined;
  }

  private kids(value: PdfValue | undefined): PdfValue[] {
    const resolved = this.pdf.resolve(value);
    return Array.isArray(resolved) ? resolved : resolved === undefined ? [] : [value!];
  }

  /** The first (or last) page an element's content is on, looking only down its first (or last) branch. */
  private edgePage(ref: PdfRef, edge: "first" | "last", depth = 0): number | undefined {
    const element = this.pdf.dict(ref);
    if (!element || depth > 200) return undefined;
    const own = element.get("Pg");
    const kids = this.kids(element.get("K"));
    const ordered = edge === "first" ? kids : [...kids].reverse();
    for (const kid of ordered) {
      if (kid instanceof PdfRef) {
        const kidDict = this.pdf.dict(kid);
        if (kidDict && nameOf(kidDict.get("Type")) === "OBJR") return this.pageOf(kidDict.get("Pg") ?? own);
        const page = this.edgePage(kid, edge, depth + 1);
        if (page !== undefined) return page;
      } else if (kid instanceof Map) return this.pageOf(kid.get("Pg") ?? own);
      else if (numberOf(kid) !== undefined) return this.pageOf(own);
    }
    return undefined;
  }

  private pageOf(value: PdfValue | undefined): number | undefined {
    return value instanceof PdfRef ? this.pageNumber.get(value.num) : undefined;
  }

  private readNumberTree(node: PdfDict | undefined): void {
    if (!node) return;
    const nums = arrayOf(this.pdf.resolve(node.get("Nums"))) ?? [];
    for (let i = 0; i + 1 < nums.length; i += 2) {
      const key = numberOf(nums[i]);
      if (key !== undefined) this.parentTree.set(key, nums[i + 1]!);
    }
    for (const kid of arrayOf(this.pdf.resolve(node.get("Kids"))) ?? []) this.readNumberTree(this.pdf.dict(kid));
  }

  private outlineItems(first: PdfValue | undefined): OutlineItem[] {
    const items: OutlineItem[] = [];
    let ref = first;
    const seen = new Set<number>();
    while (ref instanceof PdfRef && !seen.has(ref.num)) {
      seen.add(ref.num);
      const dict = this.pdf.dict(ref);
      if (!dict) break;
      const dest = dict.get("Dest") ?? dictOf(this.pdf.resolve(dict.get("A")))?.get("D");
      items.push({ num: ref.num, dict, page: this.destPage(dest), children: this.outlineItems(dict.get("First")) });
      ref = dict.get("Next");
    }
    return items;
  }
}
