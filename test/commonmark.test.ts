import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Element, ElementContent, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { rehypeRawHtml } from "../src/markdown/rehype-raw-html.js";
import { sanitizeSchema } from "../src/markdown/sanitize-schema.js";

interface Example {
  markdown: string;
  html: string;
  section: string;
  number: number;
}
interface Exception {
  example: number;
  section: string;
  reason: string;
}
interface Exceptions {
  sanitizer: Exception[];
  remarkDeviation: Exception[];
}

// The spec shows tabs as `→`; its own runner puts them back before comparing.
const tests = (createRequire(import.meta.url)("commonmark-spec") as { tests: Example[] }).tests.map((example) => ({
  ...example,
  markdown: example.markdown.replaceAll("→", "\t"),
  html: example.html.replaceAll("→", "\t"),
}));
const exceptions = JSON.parse(
  readFileSync(new URL("fixtures/commonmark-exceptions.json", import.meta.url), "utf8"),
) as Exceptions;

/** CommonMark alone (no GFM), with raw HTML handled as in a case: parsed, then reduced to our allowlist. */
const processor = unified()
  .use(remarkParse)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRawHtml)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeStringify)
  .freeze();

const BLOCKS = new Set(
  "address article aside blockquote body details dialog dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split(" "),
);

/**
 * Compares as the spec's own normaliser does: both sides parsed as HTML (so entity spellings,
 * attribute quoting and `<br />` vs `<br>` do not matter), attributes sorted, whitespace collapsed
 * outside `<pre>` and dropped next to block elements.
 */
function normalizeHtml(html: string): string {
  const tree = fromHtml(html.trim(), { fragment: true });
  tidyChildren(tree, false);
  return toHtml(tree).trim();
}

function tidyChildren(parent: Root | Element, inPre: boolean): void {
  const out: ElementContent[] = [];
  for (const child of parent.children) {
    if (child.type === "element") {
      child.properties = Object.fromEntries(Object.entries(child.properties).sort(([a], [b]) => a.localeCompare(b)));
      tidyChildren(child, inPre || child.tagName === "pre");
      out.push(child);
    } else if (child.type === "text") {
      out.push(inPre ? child : { ...child, value: child.value.replace(/\s+/g, " ") });
    } else if (child.type === "comment") {
      out.push(child);
    }
  }
  if (!inPre) {
    const isBlock = (node: ElementContent | undefined) => node?.type === "element" && BLOCKS.has(node.tagName);
    out.forEach((node, index) => {
      if (node.type !== "text") return;
      if (index === 0 || isBlock(out[index - 1])) node.value = node.value.trimStart();
      if (index === out.length - 1 || isBlock(out[index + 1])) node.value = node.value.trimEnd();
    });
  }
  parent.children = out.filter((node) => node.type !== "text" || node.value !== "");
}

const render = (markdown: string) => normalizeHtml(String(processor.processSync(markdown)));
const listed = new Map<number, string>();
for (const entry of [...exceptions.sanitizer, ...exceptions.remarkDeviation]) listed.set(entry.example, entry.reason);

describe("CommonMark spec", () => {
  it("lists each exception once, with a reason, and keeps remark's own deviations few", () => {
    const numbers = [...exceptions.sanitizer, ...exceptions.remarkDeviation].map((entry) => entry.example);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const entry of [...exceptions.sanitizer, ...exceptions.remarkDeviation]) {
      expect(entry.reason.length, `example ${entry.example}`).toBeGreaterThan(10);
      expect(tests.find((example) => example.number === entry.example)?.section).toBe(entry.section);
    }
    for (const entry of exceptions.remarkDeviation) expect(entry.reason).toMatch(/^remark deviation/);
    expect(exceptions.remarkDeviation.length).toBeLessThanOrEqual(10);
  });

  it.each(tests.filter((example) => !listed.has(example.number)).map((example) => [example.number, example.section, example] as const))(
    "example %i (%s) renders as the spec says",
    (_number, _section, example) => {
      expect(render(example.markdown)).toBe(normalizeHtml(example.html));
    },
  );

  it.each(tests.filter((example) => listed.has(example.number)).map((example) => [example.number, example.section, example] as const))(
    "example %i (%s) still differs, as its exception says",
    (number, _section, example) => {
      expect(render(example.markdown), `stale exception: ${listed.get(number)}`).not.toBe(normalizeHtml(example.html));
    },
  );
});
