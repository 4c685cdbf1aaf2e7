import { location } from "vfile-location";
import type { Point, Range } from "../diagnostics/diagnostic.js";

/** A file's text with offset → line/column conversion (1-based, as every diagnostic uses). */
export class SourceText {
  readonly text: string;
  readonly #toPoint: (offset: number) => { line?: number; column?: number } | undefined;

  constructor(text: string) {
    this.text = text;
    this.#toPoint = location(text).toPoint;
  }

  point(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const p = this.#toPoint(clamped);
    if (p?.line !== undefined && p.column !== undefined) return { line: p.line, column: p.column };
    // The end of the text: one past the last character of the last line.
    const lines = this.text.split("\n");
    return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
  }

  range(start: number, end: number): Range {
    return { start: this.point(start), end: this.point(Math.max(start, end)) };
  }
}
