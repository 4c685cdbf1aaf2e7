import { PdfFile } from "./pdf-file.js";
import { arrayOf, dictOf, nameText, PdfAtom, PdfRef, type PdfDict, type PdfValue } from "./pdf-syntax.js";

/** Where each named destination of a PDF lands: anchor → 1-based page number. */
export interface PdfPages {
  pageCount: number;
  pages: Map<string, number>;
  /** Page object numbers in order. */
  pageObjects: number[];
}

/**
 * Reads the named destinations Chromium writes for every element a link points to (the catalog's
 * `/Dests` dictionary, or a `/Names` tree), and the page each one is on.
 */
export function readDestinations(pdf: PdfFile): PdfPages {
  const pageObjects = pdf.pages();
  const pageOf = new Map(pageObjects.map((num, index) => [num, index + 1]));
  const pages = new Map<string, number>();
  for (const [name, value] of namedDestinations(pdf)) {
    const target = arrayOf(pdf.resolve(value)) ?? arrayOf(pdf.dict(value)?.get("D"));
    const page = target?.[0];
    const number = page instanceof PdfRef ? pageOf.get(page.num) : undefined;
    if (number !== undefined) pages.set(name, number);
  }
  return { pageCount: pageObjects.length, pages, pageObjects };
}

/** Every named destination: name → its value (an array, or a dictionary with `/D`). */
export function namedDestinations(pdf: PdfFile): Map<string, PdfValue> {
  const out = new Map<string, PdfValue>();
  const dests = pdf.dict(pdf.catalog.get("Dests"));
  if (dests) for (const [key, value] of dests) out.set(nameText(key), value);
  const tree = pdf.dict(pdf.dict(pdf.catalog.get("Names"))?.get("Dests"));
  if (tree) walkNameTree(pdf, tree, out);
  return out;
}

function walkNameTree(pdf: PdfFile, node: PdfDict, out: Map<string, PdfValue>): void {
  const names = arrayOf(pdf.resolve(node.get("Names"))) ?? [];
  for (let i = 0; i + 1 < names.length; i += 2) {
    const key = names[i];
    if (key instanceof PdfAtom) out.set(atomText(key.raw), names[i + 1]!);
  }
  for (const kid of arrayOf(pdf.resolve(node.get("Kids"))) ?? []) {
    const child = dictOf(pdf.resolve(kid));
    if (child) walkNameTree(pdf, child, out);
  }
}

/** The text of a string atom: a literal `(…)` with escapes, or `<hex>`. */
export function atomText(raw: string): string {
  if (raw.startsWith("<")) {
    const bytes = Buffer.from(raw.slice(1, -1).replace(/\s/g, ""), "hex");
    return bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes.subarray(2)).swap16().toString("utf16le") : bytes.toString("latin1");
  }
  const body = raw.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) =>
    /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" } as Record<string, string>)[e] ?? e,
  );
  const bytes = Buffer.from(body, "latin1");
  return bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes.subarray(2)).swap16().toString("utf16le") : body;
}
