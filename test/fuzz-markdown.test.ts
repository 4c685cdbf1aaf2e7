import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markdownLimitProblem } from "../src/markdown/markdown-limits.js";
import { hastToHtml, renderMarkdown } from "../src/markdown/render-markdown.js";
import { outsideAllowlist } from "./fixtures/hostile/allowlist.js";
import { PAYLOADS } from "./fixtures/hostile/payloads.js";

/**
 * Issue 5, fuzzing the Markdown stage: for any text it never throws, always gives a tree, and the
 * HTML it makes, parsed again as a browser parses it, holds nothing outside the sanitize schema's
 * allowlist (elements, attributes, values, URL schemes; no comments).
 */
const options = {
  lang: "en" as const,
  caseId: "fuzz-case",
  resolveCaseLink: (id: string) => (id === "other-case" ? { href: "/en/cases/other-case/", title: "Other" } : undefined),
  resolveAsset: (path: string) => `/media/fuzz-case/${path}`,
};

function renderAndCheck(markdown: string): void {
  const result = renderMarkdown(markdown, options);
  expect(result.hast.type).toBe("root");
  const html = hastToHtml(result.hast);
  const problems = outsideAllowlist(html);
  if (problems.length) throw new Error(`${problems.join("; ")}\ninput: ${JSON.stringify(markdown)}\noutput: ${html}`);
  for (const heading of result.headings) expect(heading.id).toMatch(/^h-/);
}

/** Pieces hostile Markdown and HTML are made of. */
const FRAGMENTS = [
  "<", ">", "</", "/>", "<!--", "-->", "<![CDATA[", "]]>", "<?", "<!DOCTYPE html>",
  "script", "img", "svg", "math", "style", "iframe", "a", "div", "p", "table", "td", "li", "template", "noscript", "textarea", "title", "xmp", "select", "option", "mglyph", "mtext", "foreignObject",
  " src=x", " href=", " onerror=alert(1)", " onload=alert(1)", " style=\"x:expression(1)\"", " id=\"__proto__\"", " class=\"skip-link\"", " data-pagefind-body", " srcset=\"https://evil.example/x 1x\"",
  "javascript:", "JaVaScRiPt:", "java&#x09;script:", "&#106;", "&#x3C;", "&lt;", "&amp;", "&Tab;", "&colon;", "vbscript:", "data:text/html,", "\u0000", "\u0001", "\t", "\n", "\n\n", " ",
  "\"", "'", "`", "=", "(", ")", "[", "]", "](", "![", "[^1]", "[^1]: ", "*", "_", "**", "~~", "#", "## ", "> ", "- ", "1. ", "| a | b |\n| - | - |\n", "```", "    ",
  "case:", "case:other-case", "case:other-case#Context", "images/", "../", "%2e%2e/", "https://evil.example/", "//evil.example/", "mailto:x@y",
];

const hostileMarkdown = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }, { weight: 1, arbitrary: fc.constantFrom(...PAYLOADS.map((p) => p.text)) }), { maxLength: 40 })
  .map((parts) => parts.join(""));

describe("the Markdown stage, fuzzed", () => {
  it("has a checker that notices markup outside the allowlist", () => {
    expect(outsideAllowlist('<img src="x" onerror="alert(1)">')).toContain("<img> attribute onError");
    expect(outsideAllowlist("<script>alert(1)</script>")).toContain("element <script>");
    expect(outsideAllowlist('<a href="javascript:alert(1)">x</a>')).toContain("<a> href with scheme javascript");
    expect(outsideAllowlist('<span class="skip-link">x</span><!-- x -->')).toEqual(['<span> className="skip-link"', "a comment:  x "]);
  });

  it("never throws and never outputs markup outside the allowlist, for arbitrary text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: "binary" }), renderAndCheck), { numRuns: 300 });
  });

  it("never throws and never outputs markup outside the allowlist, for hostile fragments", () => {
    fc.assert(fc.property(hostileMarkdown, renderAndCheck), { numRuns: 700 });
  });

  it("renders every payload of the corpus inside the allowlist, alone and in every Markdown context", () => {
    for (const { text } of PAYLOADS) {
      const line = text.replace(/\n/g, " ");
      renderAndCheck(text);
      renderAndCheck(`- ${line}\n\n> ${line}\n\n| a |\n| - |\n| ${line} |\n\n[x](${line}) ![${line}](images/a.png) *${line}*\n\n[^n]\n\n[^n]: ${line}`);
    }
  });

  it("renders anything over the complexity limits as plain text, without parsing it", () => {
    fc.assert(
      fc.property(fc.constantFrom("- ", "> ", "1. ", "*a ", "![", "[", "`"), fc.integer({ min: 3000, max: 20_000 }), (unit, n) => {
        const text = unit.repeat(n) + "x";
        expect(markdownLimitProblem(text)).toBeDefined();
        const result = renderMarkdown(text, options);
        expect(hastToHtml(result.hast)).not.toMatch(/<(ul|ol|blockquote|em|img|a|code)\b/);
      }),
      { numRuns: 20 },
    );
  });
});
