import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../src/markdown/parse-markdown.js";
import { bodyReferences } from "../src/validate/body-references.js";
import { fastBodyScan } from "../src/validate/fast-body-scan.js";

const references = (body: string) => bodyReferences(parseMarkdown(body));

describe("images and links written in raw HTML", () => {
  it("are read as a browser reads them, marked as raw, at the place of their HTML", () => {
    const body = 'Text <img src="images/a.png" alt="A"> and <A HREF=\'../up.html\'>up</A>.\n\n<div><img alt=x src=images/b.png><a href="case:other">c</a></div>\n';
    const refs = references(body);
    expect(refs.images.map(({ url, alt, raw }) => ({ url, alt, raw }))).toEqual([
      { url: "images/a.png", alt: "A", raw: true },
      { url: "images/b.png", alt: "x", raw: true },
    ]);
    // A `case:` link in raw HTML is removed by the sanitiser, not checked as a case link.
    expect(refs.links.map(({ url, raw }) => ({ url, raw }))).toEqual([{ url: "../up.html", raw: true }]);
    expect(body.slice(refs.images[0]!.start, refs.images[0]!.end)).toBe('<img src="images/a.png" alt="A">');
  });

  it("send the file to a full parse instead of the quick scan, even inline", () => {
    expect(fastBodyScan("Plain text with ![an image](images/a.png).\n")).toBeDefined();
    expect(fastBodyScan('Plain text with <img src="../x.png"> inline.\n')).toBeUndefined();
  });

  it("are skipped, not a crash, in HTML nested too deep to build a tree of", () => {
    const refs = references(`${"<div>".repeat(20_000)}<img src="../x.png">\n`);
    expect(refs.images).toEqual([]);
  });
});
