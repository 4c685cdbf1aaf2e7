/**
 * Limits on how complex a case body may be, checked in one linear pass before it is parsed.
 *
 * micromark (the Markdown parser) is correct but not linear on hostile input: 3,000 nested list
 * items on one line (`- - - … item`) take about 20 s and 10,000 several minutes; 300 list levels
 * made by indentation take 5 s; 3,000 nested emphases or images take 15–80 s; and the tree stages
 * after it (GFM transforms, mdast → hast, sanitising, serialising) recurse once per level, so
 * 10,000 nested block quotes overflow the stack. No real case comes near these limits: a case nests
 * lists a few levels deep and has a few dozen emphases and links in a paragraph.
 *
 * The scan over-estimates on purpose (it never skips anything, code blocks included), so that no
 * construct micromark reads differently from this scan can hide nesting from it.
 */

/**
 * Block containers (block quotes and list items) a line can be nested in: the markers at its start
 * plus one level per two columns of indentation before them (a nested list item needs at least two).
 */
export const MAX_BLOCK_NESTING = 32;
/**
 * Inline markers (`*`, `_`, `~`, `` ` ``, `[`, `]`, `!`) in one paragraph, counted from one
 * blank line, heading or new list item to the next. Their nesting is what costs super-linear time.
 */
export const MAX_INLINE_MARKERS = 2000;

export interface MarkdownLimitProblem {
  /** Offset in the body where the problem starts (the line, or the first line of the paragraph). */
  offset: number;
  reason: string;
}

/** One container marker at the start of what is left of a line: `>`, `-`, `*`, `+`, `1.` or `1)`. */
const CONTAINER = /^([ \t]*)(>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
/** Markers that start a list item which ends the paragraph before it (CommonMark: `1.`, not `2.`). */
const NEW_ITEM = /^(?:[-*+]|0*1[.)])$/;
const INLINE_MARKER = /[*_~`[\]!]/g;

/** The first limit `body` exceeds, or undefined. Linear in the length of the body. */
export function markdownLimitProblem(body: string): MarkdownLimitProblem | undefined {
  let offset = 0;
  let runStart = 0;
  let runMarkers = 0;
  for (const line of body.split("\n")) {
    const lineOffset = offset;
    offset += line.length + 1;
    let rest = line;
    let markers = 0;
    let columns = 0;
    let newItem = false;
    for (let match = CONTAINER.exec(rest); match; match = CONTAINER.exec(rest)) {
      markers++;
      columns += match[1]!.replace(/\t/g, "    ").length;
      if (NEW_ITEM.test(match[2]!)) newItem = true;
      rest = rest.slice(match[0].length);
      if (markers + Math.floor(columns / 2) > MAX_BLOCK_NESTING)
        return {
          offset: lineOffset,
          reason: `This line nests block quotes or list items more than ${MAX_BLOCK_NESTING} levels deep.`,
        };
    }
    if (rest.trim() === "" || newItem || /^[ \t]*#{1,6}(?:[ \t]|$)/.test(rest)) {
      runStart = lineOffset;
      runMarkers = 0;
    }
    runMarkers += rest.match(INLINE_MARKER)?.length ?? 0;
    if (runMarkers > MAX_INLINE_MARKERS)
      return {
        offset: runStart,
        reason: `This paragraph has more than ${MAX_INLINE_MARKERS} Markdown markers (\`*\`, \`_\`, \`~\`, backticks, \`[\`, \`]\`, \`!\`).`,
      };
  }
  return undefined;
}
