import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/** One `@font-face` of the theme: its family, weight, style, file and unicode ranges. */
export interface FontFace {
  family: string;
  weight: string;
  style: string;
  file: string;
  ranges: [number, number][];
}

/** Reads the `@font-face` rules that `fontFaces` wrote (`src: url(<prefix>/<file>)`). */
export function parseFontFaces(css: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    const get = (property: string) => new RegExp(`${property}:\\s*([^;]+);`).exec(block)?.[1]?.trim() ?? "";
    const file = /url\(([^)]+)\)/.exec(get("src"))?.[1]?.split("/").pop();
    if (!file) continue;
    const ranges = (get("unicode-range") || "U+0-10FFFF").split(",").map((r): [number, number] => {
      const [lo, hi] = r.trim().replace(/^U\+/i, "").split("-");
      const start = parseInt(lo!.replace(/\?/g, "0"), 16);
      const end = hi ? parseInt(hi, 16) : parseInt(lo!.replace(/\?/g, "F"), 16);
      return [start, end];
    });
    faces.push({ family: get("font-family").replace(/['"]/g, ""), weight: get("font-weight"), style: get("font-style"), file, ranges });
  }
  return faces;
}

/**
 * Each font file in base64, read once per set of font files (a book's images share a few slices):
 * reading and encoding them again for every image cost a 400-case book about half a second.
 */
const encoded = new WeakMap<ReadonlyMap<string, string>, Map<string, string>>();

function inBase64(files: ReadonlyMap<string, string>, source: string): string {
  let cache = encoded.get(files);
  if (!cache) encoded.set(files, (cache = new Map()));
  let data = cache.get(source);
  if (data === undefined) cache.set(source, (data = readFileSync(source).toString("base64")));
  return data;
}

/** The families SVG text is set in, the theme's sans-serif (Chinese after it). */
const SVG_FAMILIES = ["Noto Sans", "Noto Sans SC"];

/**
 * An SVG image is a document of its own: it cannot use the book's fonts, so its text would come out
 * in whatever fonts the machine has. This gives it the theme's sans-serif, with the font files it
 * needs (only the slices that cover its characters, upright, regular and bold) inlined as data URLs,
 * which an image may load.
 *
 * Each image's data URLs carry the image's own name (`image`, its path in the book), so that no two
 * images ask for the same URL. Chromium's PDF has one font subset per typeface, and an image whose
 * font URL another image has already loaded gets that image's typeface from the memory cache, while
 * images that load at the same moment each decode their own: with one URL for all, how many subsets a
 * book has depends on the timing of the loads, and two printings of the same book differ. With a URL
 * of its own, every image always has typefaces of its own (one small subset per image).
 */
export function withBookFonts(svg: string, fonts: readonly FontFace[], files: ReadonlyMap<string, string>, image: string): string {
  const open = /<svg\b[^>]*>/i.exec(svg);
  if (!open) return svg;
  const text = svg.replace(/<[^>]*>/g, " ");
  const needed = new Set<number>();
  for (const char of text) if (char.trim()) needed.add(char.codePointAt(0)!);
  const covers = (face: FontFace, c: number) => face.ranges.some(([lo, hi]) => c >= lo && c <= hi);
  const rules: string[] = [];
  const tag = createHash("sha256").update(image).digest("hex").slice(0, 16);
  // Family by family: a later family (Chinese) only for the characters the earlier ones lack.
  for (const family of SVG_FAMILIES) {
    const faces = fonts.filter((f) => f.family === family && f.style === "normal");
    const chars = [...needed];
    for (const face of faces) {
      const source = files.get(face.file);
      if (!source || !chars.some((c) => covers(face, c))) continue;
      const data = inBase64(files, source);
      rules.push(`@font-face{font-family:"${face.family}";font-weight:${face.weight};font-style:normal;src:url(data:font/woff2;image=${tag};base64,${data}) format("woff2");unicode-range:${face.ranges.map(([lo, hi]) => `U+${lo.toString(16)}-${hi.toString(16)}`).join(",")}}`);
    }
    for (const c of chars) if (faces.some((f) => covers(f, c))) needed.delete(c);
  }
  if (rules.length === 0) return svg;
  const family = SVG_FAMILIES.map((f) => `"${f}"`).join(",");
  const style = `<style>${rules.join("")}text,tspan,textPath{font-family:${family},sans-serif !important;font-synthesis:none}</style>`;
  const at = open.index + open[0].length;
  return `${svg.slice(0, at)}${style}${svg.slice(at)}`;
}
