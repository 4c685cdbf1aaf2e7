import type { GeoContext } from "d3-geo";

/**
 * A d3-geo path context writing compact SVG path data: coordinates rounded to tenths, then written relative
 * to the previous rounded point (so rounding never drifts), separators only where needed, repeated points
 * dropped, and rings that shrink below a triangle left out. The same input always gives the same string.
 */
export class CompactPath implements GeoContext {
  #output = "";
  #ring = "";
  #ringPoints = 0;
  #last = "";
  #x = 0;
  #y = 0;

  beginPath(): void {
    this.#flush();
  }

  moveTo(x: number, y: number): void {
    this.#flush();
    this.#x = Math.round(x * 10);
    this.#y = Math.round(y * 10);
    this.#last = "";
    this.#ring = "M" + this.#numbers(this.#x, this.#y);
    this.#ringPoints = 1;
  }

  lineTo(x: number, y: number): void {
    const nextX = Math.round(x * 10);
    const nextY = Math.round(y * 10);
    if (nextX === this.#x && nextY === this.#y) return;
    const command = this.#ringPoints === 1 ? "l" : "";
    if (command) this.#last = "";
    this.#ring += command + this.#numbers(nextX - this.#x, nextY - this.#y);
    this.#x = nextX;
    this.#y = nextY;
    this.#ringPoints += 1;
  }

  closePath(): void {
    if (this.#ringPoints >= 3) this.#output += this.#ring + "z";
    this.#ring = "";
    this.#ringPoints = 0;
  }

  arc(): void {
    throw new Error("CompactPath draws areas and lines only, not point symbols");
  }

  /** The path data so far, or undefined when nothing visible was drawn. */
  result(): string | undefined {
    this.#flush();
    const output = this.#output;
    this.#output = "";
    return output === "" ? undefined : output;
  }

  #flush(): void {
    if (this.#ringPoints >= 2) this.#output += this.#ring;
    this.#ring = "";
    this.#ringPoints = 0;
  }

  /** Two numbers in tenths, joined to what came before with as few separators as parse unambiguously. */
  #numbers(...tenths: number[]): string {
    let text = "";
    for (const value of tenths) {
      const number = tenthsToString(value);
      const needsSeparator =
        this.#last !== "" && !number.startsWith("-") && !(number.startsWith(".") && this.#last.includes("."));
      text += (needsSeparator ? " " : "") + number;
      this.#last = number;
    }
    return text;
  }
}

function tenthsToString(tenths: number): string {
  if (tenths === 0) return "0";
  return String(tenths / 10).replace(/^(-?)0\./, "$1.");
}
