import { createHash } from "node:crypto";
import type { PdfFile } from "./pdf-file.js";
import { dateString, PdfAtom, PdfRef, serialize, textString, type PdfDict } from "./pdf-syntax.js";

/** What a PDF says about itself. */
export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47, as in the document's `lang`. */
  language: string;
  /** ISO date of the build: SOURCE_DATE_EPOCH when set. */
  date: string;
  /** Stable text the file identifier is derived from (same inputs, same identifier). */
  identity: string;
}

/** The document information dictionary Casebook writes (Chromium's dates are the time of printing). */
export function infoDict(meta: PdfMetadata, producer: string): PdfDict {
  return new Map([
    ["Title", textString(meta.title)],
    ["Author", textString(meta.author)],
    ["Subject", textString(meta.subject)],
    ["Keywords", textString(meta.keywords.join("; "))],
    ["Creator", textString("Casebook")],
    ["Producer", textString(producer)],
    ["CreationDate", dateString(meta.date)],
    ["ModDate", dateString(meta.date)],
  ]);
}

/** The file identifier, derived from stable inputs so that the same build gives the same file. */
export function fileId(meta: PdfMetadata): PdfAtom[] {
  const id = `<${createHash("md5").update(meta.identity).digest("hex")}>`;
  return [new PdfAtom(id), new PdfAtom(id)];
}

/**
 * Sets the metadata of a PDF by an incremental update: a new information dictionary and catalog
 * (with the language) are appended with their own cross-reference section, so the megabytes Chromium
 * wrote are not rewritten. Readers take the last trailer.
 */
export function withMetadata(pdf: PdfFile, meta: PdfMetadata): Uint8Array {
  const old = pdf.dict(pdf.trailer.get("Info"));
  const producerAtom = old?.get("Producer");
  const producer = producerAtom instanceof PdfAtom && producerAtom.raw.startsWith("(") ? producerAtom.raw.slice(1, -1) : "Chromium";
  const root = pdf.trailer.get("Root");
  if (!(root instanceof PdfRef)) throw new Error("The PDF has no catalog reference.");
  const catalog = new Map(pdf.catalog);
  catalog.set("Lang", textString(meta.language));
  const infoNum = pdf.maxObject + 1;
  const objects: [number, string][] = [
    [root.num, serialize(catalog)],
    [infoNum, serialize(infoDict(meta, `Casebook with ${producer}`))],
  ];
  const chunks: string[] = [];
  let offset = pdf.bytes.byteLength;
  const start = pdf.text.endsWith("\n") ? "" : "\n";
  offset += start.length;
  chunks.push(start);
  const positions = new Map<number, number>();
  for (const [num, body] of objects) {
    positions.set(num, offset);
    const text = `${num} 0 obj\n${body}\nendobj\n`;
    chunks.push(text);
    offset += Buffer.byteLength(text, "latin1");
  }
  const xref = [`xref\n`, ...[...positions].sort((a, b) => a[0] - b[0]).map(([num, at]) => `${num} 1\n${String(at).padStart(10, "0")} 00000 n \n`)].join("");
  const trailer = new Map(pdf.trailer);
  trailer.set("Size", new PdfAtom(String(infoNum + 1)));
  trailer.set("Info", new PdfRef(infoNum));
  trailer.set("Prev", new PdfAtom(String(pdf.startxref)));
  trailer.set("ID", fileId(meta));
  chunks.push(`${xref}trailer\n${serialize(trailer)}\nstartxref\n${offset}\n%%EOF\n`);
  return Buffer.concat([pdf.bytes, Buffer.from(chunks.join(""), "latin1")]);
}
