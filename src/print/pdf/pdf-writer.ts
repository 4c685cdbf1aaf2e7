import type { PdfFile } from "./pdf-file.js";
import { PdfAtom, serialize, type PdfDict, type PdfValue } from "./pdf-syntax.js";

/** A reference to object `num` of the new file. */
export const newRef = (num: number): PdfAtom => new PdfAtom(`${num} 0 R`);

/**
 * Writes a new PDF: objects are numbered 1, 2, 3… in the order they are added. An object copied
 * from a source file keeps its stream bytes as they are. A `PdfRef` inside a value names an object
 * of a source file (the file it was copied from, or the one given to `set`), renumbered when the
 * file is written, so it must have been copied by then; `newRef(n)` names an object of the new file.
 */
export class PdfWriter {
  private readonly bodies: (() => Buffer)[] = [];
  private readonly maps = new Map<PdfFile, Map<number, number>>();

  /** Reserves the next object number. */
  reserve(): number {
    this.bodies.push(() => Buffer.alloc(0));
    return this.bodies.length;
  }

  /** Sets an object made here; its `PdfRef`s are objects of `file`. */
  set(num: number, value: PdfValue, file?: PdfFile): void {
    this.bodies[num - 1] = () => Buffer.from(serialize(value, file ? this.mapOf(file) : noSource), "latin1");
  }

  add(value: PdfValue, file?: PdfFile): number {
    const num = this.reserve();
    this.set(num, value, file);
    return num;
  }

  /** Whether object `source` of `file` is copied, and its number here. */
  numberOf(file: PdfFile, source: number): number | undefined {
    return this.maps.get(file)?.get(source);
  }

  /** Copies object `source` of `file` (its stream too), with `patch` applied to its dictionary when written. */
  copy(file: PdfFile, source: number, patch?: (dict: PdfDict) => PdfDict): number {
    const num = this.reserve();
    let map = this.maps.get(file);
    if (!map) this.maps.set(file, (map = new Map()));
    map.set(source, num);
    this.bodies[num - 1] = () => {
      const object = file.object(source);
      const value = patch && object.value instanceof Map ? patch(new Map(object.value)) : object.value;
      const head = Buffer.from(serialize(value, this.mapOf(file)), "latin1");
      if (!object.stream) return head;
      const data = file.bytes.subarray(object.stream.start, object.stream.end);
      return Buffer.concat([head, Buffer.from("\nstream\n", "latin1"), data, Buffer.from("\nendstream", "latin1")]);
    };
    return num;
  }

  private mapOf(file: PdfFile): (num: number) => number {
    const map = this.maps.get(file);
    return (num) => {
      const mapped = map?.get(num);
      if (mapped === undefined) throw new Error(`Object ${num} of a source PDF was not copied.`);
      return mapped;
    };
  }

  /** The whole file, with `root` and `info` in its trailer. */
  finish(root: number, info: number, id: PdfAtom[]): Uint8Array {
    const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
    let offset = parts[0]!.length;
    const offsets: number[] = [];
    this.bodies.forEach((body, index) => {
      offsets.push(offset);
      const chunk = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`, "latin1"), body(), Buffer.from("\nendobj\n", "latin1")]);
      parts.push(chunk);
      offset += chunk.length;
    });
    const xref = [`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`, ...offsets.map((at) => `${String(at).padStart(10, "0")} 00000 n \n`)].join("");
    const trailer: PdfDict = new Map<string, PdfValue>([
      ["Size", new PdfAtom(String(offsets.length + 1))],
      ["Root", newRef(root)],
      ["Info", newRef(info)],
      ["ID", id],
    ]);
    parts.push(Buffer.from(`${xref}trailer\n${serialize(trailer)}\nstartxref\n${offset}\n%%EOF\n`, "latin1"));
    return Buffer.concat(parts);
  }
}

const noSource = (num: number): number => {
  throw new Error(`Object ${num} has no source PDF.`);
};
