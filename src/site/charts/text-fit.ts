// Build-time charts have no font metrics: widths are estimated in ems, generously, so that text estimated to
// fit does fit in the theme's fonts. Wide (CJK) characters count one em, Latin and Cyrillic about 0.6.

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

const ellipsis = "…";
const ellipsisWidth = 1;

/** Hangul, CJK, kana, fullwidth forms and most emoji: one em each. */
const widePattern = new RegExp(
  "[\\u1100-\\u115F\\u2E80-\\u303E\\u3041-\\u33FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uA960-\\uA97F\\uAC00-\\uD7A3" +
    "\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFF60\\uFFE0-\\uFFE6\\u{1F300}-\\u{1FAFF}\\u{20000}-\\u{3FFFD}]",
  "u",
);
const narrowPattern = /^[\s.,:;'!|ilj()[\]{}\u2019]$/u;
const capitalPattern = /^[\p{Lu}MWmw@%]$/u;

export function isWide(grapheme: string): boolean {
  return widePattern.test(grapheme);
}

function graphemeWidth(grapheme: string): number {
  if (isWide(grapheme)) return 1;
  if (narrowPattern.test(grapheme)) return 0.32;
  if (capitalPattern.test(grapheme)) return 0.75;
  return 0.6;
}

export function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (part) => part.segment);
}

/** Estimated width of `text` in ems. */
export function textWidth(text: string): number {
  let width = 0;
  for (const grapheme of splitGraphemes(text)) width += graphemeWidth(grapheme);
  return width;
}

export interface FittedText {
  lines: string[];
  /** True when text was cut: the caller then shows the full text in a `<title>`. */
  truncated: boolean;
}

/**
 * Wraps `text` into at most `maxLines` lines of `maxWidth` ems: at spaces, between wide characters, or inside
 * a word too long for a line; the last line ends with "…" when the rest does not fit.
 */
export function fitText(text: string, maxWidth: number, maxLines: number): FittedText {
  const parts = splitGraphemes(text.replace(/\s+/g, " ").trim());
  const lines: string[] = [];
  let start = 0;
  while (start < parts.length && lines.length < maxLines) {
    const last = lines.length === maxLines - 1;
    const end = lineEnd(parts, start, maxWidth);
    if (end >= parts.length) {
      lines.push(parts.slice(start).join("").trim());
      return { lines, truncated: false };
    }
    if (last) {
      lines.push(withEllipsis(parts.slice(start), maxWidth));
      return { lines, truncated: true };
    }
    lines.push(parts.slice(start, end).join("").trim());
    start = end;
    while (parts[start] === " ") start += 1;
  }
  return { lines, truncated: false };
}

/** Index after the last grapheme of the line starting at `start`, preferring a break opportunity. */
function lineEnd(parts: readonly string[], start: number, maxWidth: number): number {
  let width = 0;
  let lastBreak = -1;
  for (let index = start; index < parts.length; index += 1) {
    const part = parts[index] ?? "";
    width += graphemeWidth(part);
    if (width > maxWidth && part !== " ") {
      if (lastBreak > start) return lastBreak;
      return Math.max(index, start + 1);
    }
    const next = parts[index + 1];
    if (part === " " || isWide(part) || (next !== undefined && isWide(next))) lastBreak = index + 1;
  }
  return parts.length;
}

function withEllipsis(parts: readonly string[], maxWidth: number): string {
  const room = maxWidth - ellipsisWidth;
  let width = 0;
  let end = 0;
  while (end < parts.length && width + graphemeWidth(parts[end] ?? "") <= room) {
    width += graphemeWidth(parts[end] ?? "");
    end += 1;
  }
  return parts.slice(0, end).join("").trimEnd() + ellipsis;
}
