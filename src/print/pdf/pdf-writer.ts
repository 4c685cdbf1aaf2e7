import type { PdfFile } from "./pdf-file.js";
import { PdfAtom, serialize, type PdfDict, type PdfValue } from "./pdf-syntax.js";

/**
 * Writes a new PDF: objects are numbered 1, 2, 3… in the order they are added. An object copied
 * from the source file keeps its stream bytes as they are. In every value given here, a `PdfRef`
 * names an object of the source file (renumbered when written, so it must be copied by then), and
 * `newRef(n)` an object of the new file.
 */
/** A reference to object `num` of the new file. */
export const newRef = (num: number): PdfAtom => new PdfAtom(`${num} 0 R`);

export class PdfWriter {
  private readonly bodies: (() => Buffer)[] = [];
  readonly renumbered = new Map<number, number>();

  /** Reserves the next object number. */
  reserve(): number {
    this.bodies.push(() => Buffer.alloc(0));
    return this.bodies.length;
  }

  /** Sets (or adds) a new object made here. */
  set(num: number, value: PdfValue): void {
    this.bodies[num - 1] = () => Buffer.from(serialize(value, this.map), "latin1");
  }

  add(value: PdfValue): number {
    const num = this.reserve();
    this.set(num, value);
    return num;
  }

  /** Copies object `source` of `file` (its stream too), with `patch` applied to its dictionary. */
  copy(file: PdfFile, source: number, patch?: (dict: PdfDict) => PdfDict): number {
    const num = this.reserve();
    this.renumbered.set(source, num);
    this.bodies[num - 1] = () => {
      const object = file.object(source);
      const value = patch && object.value instanceof Map ? patch(new Map(object.value)) : object.value;
      const head = Buffer.from(serialize(value, this.map), "latin1");
      if (!object.stream) return head;
      const data = file.bytes.subarray(object.stream.start, object.stream.end);
      return Buffer.concat([head, Buffer.from("\nstream\n", "latin1"), data, Buffer.from("\nendstream", "latin1")]);
    };
    return num;
  }

  /** Source object numbers to the new ones. */
  private readonly map = (num: number): number => {
    const mapped = this.renumbered.get(num);
    if (mapped === undefined) throw new Error(`Object ${num} of the source PDF was not copied.`);
    return mapped;
  };

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
