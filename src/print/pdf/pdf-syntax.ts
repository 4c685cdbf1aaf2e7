/**
 * Just enough PDF syntax to read and rewrite what Chromium (Skia) writes: numbers, names, strings,
 * arrays, dictionaries and references, each kept as written so that a value survives a round trip
 * byte for byte. Streams are never decoded; `pdf-file.ts` hands out their bytes as they are.
 */

/** `12 0 R` */
export class PdfRef {
  constructor(readonly num: number) {}
}
/** `/Type`: `raw` is the name as written, without the slash (escapes such as `#20` kept). */
export class PdfName {
  constructor(readonly raw: string) {}
}
/** A number, `true`, `false`, `null`, or a string `(…)`/`<…>`, as written. */
export class PdfAtom {
  constructor(readonly raw: string) {}
}
export type PdfValue = PdfRef | PdfName | PdfAtom | PdfValue[] | PdfDict;
export type PdfDict = Map<string, PdfValue>;

const DELIMITER = /[\s()<>[\]{}/%]/;
const WHITE = /\s/;

/** Parses one value starting at `pos` (whitespace and comments before it are skipped). */
export function parseValue(text: string, pos: number): { value: PdfValue; end: number } {
  let i = skipSpace(text, pos);
  const c = text[i];
  if (c === "/") {
    let j = i + 1;
    while (j < text.length && !DELIMITER.test(text[j]!)) j++;
    return { value: new PdfName(text.slice(i + 1, j)), end: j };
  }
  if (c === "<" && text[i + 1] === "<") {
    const dict: PdfDict = new Map();
    i += 2;
    for (;;) {
      i = skipSpace(text, i);
      if (text[i] === ">" && text[i + 1] === ">") return { value: dict, end: i + 2 };
      const key = parseValue(text, i);
      if (!(key.value instanceof PdfName)) throw new SyntaxError(`A PDF dictionary key at ${i} is not a name.`);
      const value = parseValue(text, key.end);
      dict.set(key.value.raw, value.value);
      i = value.end;
    }
  }
  if (c === "<") {
    const end = text.indexOf(">", i);
    return { value: new PdfAtom(text.slice(i, end + 1)), end: end + 1 };
  }
  if (c === "[") {
    const array: PdfValue[] = [];
    i += 1;
    for (;;) {
      i = skipSpace(text, i);
      if (text[i] === "]") return { value: array, end: i + 1 };
      const item = parseValue(text, i);
      array.push(item.value);
      i = item.end;
    }
  }
  if (c === "(") {
    let depth = 0;
    let j = i;
    for (; j < text.length; j++) {
      const ch = text[j];
      if (ch === "\\") j++;
      else if (ch === "(") depth++;
      else if (ch === ")" && --depth === 0) break;
    }
    return { value: new PdfAtom(text.slice(i, j + 1)), end: j + 1 };
  }
  let j = i;
  while (j < text.length && !DELIMITER.test(text[j]!)) j++;
  const word = text.slice(i, j);
  if (word === "") throw new SyntaxError(`Unexpected "${text.slice(i, i + 10)}" in a PDF at ${i}.`);
  const refEnd = /^\d+$/.test(word) ? referenceEnd(text, j) : -1;
  if (refEnd > 0) return { value: new PdfRef(Number(word)), end: refEnd };
  return { value: new PdfAtom(word), end: j };
}

/** After an integer at `pos`: the end of ` 0 R` when the integer starts a reference, else -1. */
function referenceEnd(text: string, pos: number): number {
  let i = pos;
  const digit = (k: number) => text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57;
  if (!WHITE.test(text[i] ?? "")) return -1;
  while (WHITE.test(text[i] ?? "")) i++;
  if (!digit(i)) return -1;
  while (digit(i)) i++;
  if (!WHITE.test(text[i] ?? "")) return -1;
  while (WHITE.test(text[i] ?? "")) i++;
  if (text[i] !== "R" || (i + 1 < text.length && !DELIMITER.test(text[i + 1]!))) return -1;
  return i + 1;
}

function skipSpace(text: string, pos: number): number {
  let i = pos;
  for (;;) {
    while (i < text.length && WHITE.test(text[i]!)) i++;
    if (text[i] !== "%") return i;
    while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
  }
}

/** Writes a value back; `renumber` maps object numbers (a reference it does not know is a bug). */
export function serialize(value: PdfValue, renumber?: (num: number) => number): string {
  if (value instanceof PdfRef) return `${renumber ? renumber(value.num) : value.num} 0 R`;
  if (value instanceof PdfName) return `/${value.raw}`;
  if (value instanceof PdfAtom) return value.raw;
  if (Array.isArray(value)) return `[${value.map((v) => serialize(v, renumber)).join(" ")}]`;
  return `<<${[...value].map(([k, v]) => `/${k} ${serialize(v, renumber)}`).join("\n")}>>`;
}

/** A text string for the document information: literal when plain ASCII, else UTF-16BE in hex. */
export function textString(text: string): PdfAtom {
  if (/^[\x20-\x7e]*$/.test(text)) return new PdfAtom(`(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`);
  const bytes = Buffer.from(`\ufeff${text}`, "utf16le").swap16();
  return new PdfAtom(`<${bytes.toString("hex").toUpperCase()}>`);
}

/** A PDF date `D:20260101000000Z`. */
export function dateString(iso: string): PdfAtom {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return new PdfAtom(`(D:${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z)`);
}

/** The text of a PDF name (`#xx` escapes are bytes of UTF-8). */
export function nameText(raw: string): string {
  if (!raw.includes("#")) return raw;
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const hex = raw[i] === "#" ? /^[0-9a-fA-F]{2}$/.exec(raw.slice(i + 1, i + 3))?.[0] : undefined;
    if (hex) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(raw.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes).toString("utf8");
}

export const dictOf = (value: PdfValue | undefined): PdfDict | undefined => (value instanceof Map ? value : undefined);
export const arrayOf = (value: PdfValue | undefined): PdfValue[] | undefined => (Array.isArray(value) ? value : undefined);
export const nameOf = (value: PdfValue | undefined): string | undefined => (value instanceof PdfName ? value.raw : undefined);
export const numberOf = (value: PdfValue | undefined): number | undefined =>
  value instanceof PdfAtom && /^[-+]?\d*\.?\d+$/.test(value.raw) ? Number(value.raw) : undefined;
