import { createHash } from "node:crypto";
import { dateString, PdfAtom, textString, type PdfDict } from "./pdf-syntax.js";

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
