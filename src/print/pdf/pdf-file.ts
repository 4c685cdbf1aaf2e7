import { dictOf, parseValue, PdfAtom, PdfRef, type PdfDict, type PdfValue } from "./pdf-syntax.js";

/** An indirect object: its value, and for a stream the byte range of its data in the file. */
export interface PdfObject {
  value: PdfValue;
  stream?: { start: number; end: number };
}

/**
 * A PDF as Chromium writes it (a classic cross-reference table, no object streams), read lazily:
 * only the objects asked for are parsed. Anything else is refused with a clear error rather than
 * misread.
 */
export class PdfFile {
  readonly text: string;
  readonly trailer: PdfDict;
  /** Byte offset of every object, by number. */
  readonly offsets = new Map<number, number>();
  readonly startxref: number;
  private readonly cache = new Map<number, PdfObject>();

  constructor(readonly bytes: Uint8Array) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
    const tail = this.text.slice(-64);
    const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!start) throw new PdfFormatError("it has no startxref");
    this.startxref = Number(start[1]);
    let at = this.startxref;
    if (!this.text.startsWith("xref", at)) throw new PdfFormatError("its cross-reference table is a stream");
    at += 4;
    // Subsections: "first count" then count lines of "offset generation n|f".
    for (;;) {
      const header = /^\s*(\d+) (\d+)\s*?\r?\n/.exec(this.text.slice(at, at + 40));
      if (!header) break;
      const first = Number(header[1]);
      const count = Number(header[2]);
      at += header[0].length;
      for (let k = 0; k < count; k++) {
        const line = this.text.slice(at, at + 20);
        if (line[17] === "n") this.offsets.set(first + k, Number(line.slice(0, 10)));
        at += 20;
      }
    }
    const trailerAt = this.text.indexOf("trailer", at);
    const trailer = dictOf(parseValue(this.text, trailerAt + 7).value);
    if (!trailer || trailer.has("Prev")) throw new PdfFormatError("it has no trailer, or more than one cross-reference section");
    this.trailer = trailer;
  }

  /** Object `num`, parsed once. */
  object(num: number): PdfObject {
    const cached = this.cache.get(num);
    if (cached) return cached;
    const offset = this.offsets.get(num);
    if (offset === undefined) throw new PdfFormatError(`object ${num} is missing`);
    const header = /^(\d+) (\d+) obj\s*/.exec(this.text.slice(offset, offset + 32));
    if (!header || Number(header[1]) !== num) throw new PdfFormatError(`object ${num} is not where the table says`);
    const { value, end } = parseValue(this.text, offset + header[0].length);
    const object: PdfObject = { value };
    const after = /^\s*stream\r?\n/.exec(this.text.slice(end, end + 16));
    if (after) {
      const length = this.resolve(dictOf(value)?.get("Length"));
      const start = end + after[0].length;
      const size = length instanceof PdfAtom ? Number(length.raw) : NaN;
      const stop = Number.isFinite(size) ? start + size : this.text.indexOf("endstream", start);
      object.stream = { start, end: stop };
    }
    this.cache.set(num, object);
    return object;
  }

  /** A value with a reference followed (once). */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return value instanceof PdfRef ? this.object(value.num).value : value;
  }

  dict(value: PdfValue | undefined): PdfDict | undefined {
    return dictOf(this.resolve(value));
  }

  get catalog(): PdfDict {
    const root = this.dict(this.trailer.get("Root"));
    if (!root) throw new PdfFormatError("it has no catalog");
    return root;
  }

  /** The page objects in order (their numbers), walking the page tree. */
  pages(): number[] {
    const out: number[] = [];
    const walk = (ref: PdfValue | undefined) => {
      if (!(ref instanceof PdfRef)) return;
      const node = this.dict(ref);
      const kids = node?.get("Kids");
      if (Array.isArray(kids)) for (const kid of kids) walk(kid);
      else out.push(ref.num);
    };
    walk(this.catalog.get("Pages"));
    return out;
  }

  /** The largest object number in use. */
  get maxObject(): number {
    let max = 0;
    for (const num of this.offsets.keys()) if (num > max) max = num;
    return max;
  }
}

/** The PDF is not one Casebook can read: it was not written the way Chromium writes PDFs. */
export class PdfFormatError extends Error {
  override name = "PdfFormatError";
  constructor(what: string) {
    super(`Casebook cannot read this PDF: ${what}.`);
  }
}
