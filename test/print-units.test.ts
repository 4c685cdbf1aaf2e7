import { join } from "node:path";
import type { Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { fromHtml } from "hast-util-from-html";
import { describe, expect, it } from "vitest";
import { configSchema } from "../schema/config.js";
import type { Language } from "../schema/languages.js";
import type { Casebook } from "../src/link/casebook-model.js";
import { renderMarkdown } from "../src/markdown/render-markdown.js";
import { adaptBody } from "../src/print/adapt-body.js";
import { bookDocument } from "../src/print/book-document.js";
import { groupCases, partNumeral } from "../src/print/group-cases.js";
import type { PdfFile } from "../src/print/pdf/pdf-file.js";
import { dateString, nameText, parseValue, PdfRef, serialize, textString, type PdfDict } from "../src/print/pdf/pdf-syntax.js";
import { structureIdRenamer } from "../src/print/pdf/structure-ids.js";
import { anchors, textWith, type PrintContext } from "../src/print/print-context.js";
import { cssString } from "../src/print/running-heads.js";
import { parseFontFaces, withBookFonts } from "../src/print/svg-fonts.js";
import { fontFaces } from "../src/site/font-faces.js";
import { loadThemeStrings, translator } from "../src/site/theme-strings.js";
import { loadModel } from "./fixtures/print/book-checks.js";
import { ROOT } from "./helpers/run-cli.js";

const THEME = join(ROOT, "themes", "default");
const strings = loadThemeStrings(THEME);
const fixture = loadModel(join(import.meta.dirname, "fixtures", "print", "book"));

function context(book: Casebook, lang: Language = "en", print: Partial<PrintContext["print"]> = {}): PrintContext {
  return {
    book,
    lang,
    t: translator(strings, lang),
    strings,
    print: { ...book.config.print, ...print },
    buildDate: "2026-01-01T00:00:00Z",
    intro: { lang, markdown: "See [the welding centre](case:almaty-welding-centre)." },
    placeholderDigits: 3,
  };
}

describe("the print configuration", () => {
  it("groups by model on A4 unless told otherwise, and refuses unknown values", () => {
    const base = { title: "T", edition: "1", baseUrl: "https://example.org/", publisher: "P" };
    expect(configSchema.parse(base).print).toEqual({ groupBy: "model", paper: "A4" });
    expect(configSchema.parse({ ...base, print: { paper: "Letter" } }).print).toEqual({ groupBy: "model", paper: "Letter" });
    expect(configSchema.safeParse({ ...base, print: { groupBy: "colour" } }).success).toBe(false);
    expect(configSchema.safeParse({ ...base, print: { paper: "A5" } }).success).toBe(false);
  });
});

describe("parts of the book", () => {
  it("groups cases by their first sector, model or country, in the vocabulary's (or the reader's alphabetical) order", () => {
    const ids = (parts: ReturnType<typeof groupCases>) => parts.map((p) => [p.key, p.cases.map((c) => c.number)]);
    expect(ids(groupCases(fixture, "en", "sector"))).toEqual([["construction", [1]], ["renewable-energy", [3]], ["mining-metallurgy", [2]]]);
    expect(ids(groupCases(fixture, "en", "model"))).toEqual([["overseas-workshop", [1]], ["co-built-training-base", [3]], ["order-class", [2]]]);
    expect(ids(groupCases(fixture, "en", "country"))).toEqual([["KZ", [1]], ["KE", [3]], ["PE", [2]]]);
    expect(ids(groupCases(fixture, "en", "none"))).toEqual([["", [1, 2, 3]]]);
    expect(groupCases(fixture, "zh", "sector")[0]!.title).toBe("建筑工程");
  });

  it("numbers parts as books do", () => {
    expect([1, 4, 9, 14, 40].map((n) => partNumeral(n, "en"))).toEqual(["I", "IV", "IX", "XIV", "XL"]);
    expect([1, 10, 11, 20, 23].map((n) => partNumeral(n, "zh"))).toEqual(["一", "十", "十一", "二十", "二十三"]);
  });

  it("puts elements into translated texts where each language wants them", () => {
    const link = { type: "element" as const, tagName: "a", properties: {}, children: [{ type: "text" as const, value: "143" }] };
    const html = (lang: Language) => toHtml({ type: "root", children: textWith(context(fixture, lang), "print.casePage", { case: "Case 12", page: link }) } as Root);
    expect(html("en")).toBe("Case 12, p. <a>143</a>");
    expect(html("zh")).toBe("Case 12，第 <a>143</a> 页");
  });

  it("writes running heads as CSS strings that cannot close the style element", () => {
    expect(cssString('A "quoted" </style> title\\')).toBe('"A \\22 quoted\\22  \\3c /style\\3e  title\\5c "');
  });
});

describe("a Markdown text adapted for print", () => {
  const ctx = context(fixture);
  const adapt = (markdown: string) => {
    const refs = { targets: new Set<string>() };
    const { hast } = renderMarkdown(markdown, {
      lang: "en",
      caseId: "lima-mining-school",
      resolveCaseLink: (id) => (fixture.byId.has(id) ? { href: `#${anchors.case(id)}` } : undefined),
      resolveAsset: (f) => f,
    });
    const children = adaptBody(hast, anchors.case("lima-mining-school"), ctx, refs);
    return { html: toHtml({ type: "root", children } as Root), refs };
  };

  it("prefixes ids, moves headings one level down and drops footnote back-links", () => {
    const { html } = adapt("## Context\n\nText.[^1]\n\n### Detail\n\n[^1]: A note.");
    expect(html).toContain('<h3 id="case-lima-mining-school--h-context">Context</h3>');
    expect(html).toContain('<h4 id="case-lima-mining-school--h-detail">Detail</h4>');
    expect(html).toContain('href="#case-lima-mining-school--fn-1"');
    expect(html).toContain('<p class="footnotes-title" id="case-lima-mining-school--footnote-label">');
    expect(html).not.toContain("data-footnote-backref");
    expect(html).not.toContain("↩");
  });

  it("follows a link to another case (or its section) with “see Case N, p. …”, the number a link to it", () => {
    const { html, refs } = adapt("See [Almaty](case:almaty-welding-centre) and [its outcomes](case:almaty-welding-centre#h-outcomes).");
    expect(html).toContain('<a href="#case-almaty-welding-centre" class="case-link" data-case="almaty-welding-centre">Almaty</a><span class="xref" lang="en"> (see <span>Case 1, p. <a class="page-ref" href="#case-almaty-welding-centre" data-ref="case-almaty-welding-centre" data-slot="000">000</a></span>)</span>');
    expect(html).toContain('href="#case-almaty-welding-centre--h-outcomes"');
    expect([...refs.targets]).toEqual(["case-almaty-welding-centre", "case-almaty-welding-centre--h-outcomes"]);
  });
});

describe("the HTML book", () => {
  const fonts = fontFaces(THEME, "/fonts");

  it("has unique ids, a target for every page number and every chapter after the contents on a filler", () => {
    const doc = bookDocument(context(fixture), fonts.css);
    expect(doc.chunks).toHaveLength(1);
    const html = doc.chunks[0]!.html;
    const tree = fromHtml(html);
    const ids: string[] = [];
    const refs: string[] = [];
    const walk = (node: { type: string; properties?: Record<string, unknown>; children?: unknown[] }) => {
      if (typeof node.properties?.["id"] === "string") ids.push(node.properties["id"]);
      if (typeof node.properties?.["dataRef"] === "string") refs.push(node.properties["dataRef"]);
      for (const child of (node.children ?? []) as never[]) walk(child);
    };
    walk(tree as never);
    expect(new Set(ids).size).toBe(ids.length);
    for (const ref of refs) expect(ids).toContain(ref);
    expect(doc.rectoAnchors).toEqual(["introduction", "part-construction", "case-almaty-welding-centre", "part-renewable-energy", "case-nairobi-solar-lab", "part-mining-metallurgy", "case-lima-mining-school", "contributors", "index-countries"]);
    expect(doc.refAnchors).toContain("case-nairobi-solar-lab--h-outcomes");
    expect(html).toContain("@page case-1:right { @top-right { content: \"Case 1 · A welding skills centre in Almaty\"; }");
    expect(html).toContain("size: letter");
    expect(html).not.toContain("https://casebook.print/book#");
  });

  it("gives each chunk the running heads of its own chapters only", () => {
    const doc = bookDocument(context(fixture), fonts.css, 1);
    const heads = doc.chunks.map((chunk) => [...chunk.html.matchAll(/@page ([\w-]+):right/g)].map((m) => m[1]).join(" "));
    // Part pages (a number only) in every chunk; case 3 comes before case 2 in the parts' order.
    expect(heads).toEqual(["part contents introduction case-1", "part case-3", "part case-2", "part contributors index-countries index-models"]);
  });

  it("has no part pages when cases are not grouped, and A4 when asked", () => {
    const doc = bookDocument(context(fixture, "en", { groupBy: "none", paper: "A4" }), fonts.css);
    expect(doc.rectoAnchors.filter((a) => a.startsWith("part-"))).toEqual([]);
    expect(doc.chunks[0]!.html).toContain("size: A4");
  });

  it("cuts a long book between chapters, each chunk opening on a chapter, its blank page left behind", () => {
    const doc = bookDocument(context(fixture), fonts.css, 1);
    expect(doc.chunks).toHaveLength(4);
    const trees = doc.chunks.map((c) => fromHtml(c.html));
    const children = (tree: ReturnType<typeof fromHtml>) => {
      const body = (tree.children.find((n) => n.type === "element") as { children: { type: string; tagName?: string; properties?: Record<string, unknown> }[] }).children.at(-1) as unknown as { children: { type: string; properties?: Record<string, unknown> }[] };
      return body.children.filter((n) => n.type === "element");
    };
    for (const [k, tree] of trees.entries()) {
      const first = children(tree)[0]!;
      if (k > 0) expect(first.properties?.["dataFor"], `chunk ${k}`).toBeUndefined();
      expect(children(tree).at(-1)!.properties?.["className"], `chunk ${k}`).toEqual(["anchor-targets"]);
    }
    expect(doc.chunks[0]!.html).toContain('href="https://casebook.print/book#case-nairobi-solar-lab"'); // contents → a later chunk
    expect(doc.chunks[1]!.html).toContain('<nav class="anchor-targets" hidden aria-hidden="true"><a href="#part-renewable-energy"></a><a href="#case-nairobi-solar-lab"></a>');
  });

  it("gives SVG images the theme's fonts, only the slices their text needs", () => {
    const faces = parseFontFaces(fonts.css);
    const plan = '<svg xmlns="http://www.w3.org/2000/svg"><text font-family="Arial">Plan</text></svg>';
    const svg = withBookFonts(plan, faces, fonts.files, "/media/a/plan.svg");
    expect(svg).toMatch(/^<svg[^>]*><style>@font-face\{font-family:"Noto Sans";font-weight:400;/);
    expect(svg).toContain('text,tspan,textPath{font-family:"Noto Sans","Noto Sans SC",sans-serif !important');
    expect(svg.match(/@font-face/g)).toHaveLength(2); // latin, regular and bold
    expect(withBookFonts('<svg xmlns="http://www.w3.org/2000/svg"><text>中文</text></svg>', faces, fonts.files, "/media/a/zh.svg")).toContain('font-family:"Noto Sans SC"');
    // Font URLs of its own for every image (so that images never share a typeface), the same from one
    // build to the next.
    const urls = (image: string) => withBookFonts(plan, faces, fonts.files, image).match(/url\(data:[^;]+;[^;]+;/g);
    expect(urls("/media/a/plan.svg")).toEqual(svg.match(/url\(data:[^;]+;[^;]+;/g));
    expect(urls("/media/a/plan.svg")![0]).toMatch(/^url\(data:font\/woff2;image=[0-9a-f]{16};$/);
    expect(urls("/media/b/plan.svg")![0]).not.toBe(urls("/media/a/plan.svg")![0]);
  });
});

describe("the PDF syntax Casebook reads and writes", () => {
  it("round-trips values as written", () => {
    const text = "<</Type /Annot /Rect [63 712.16998 87 724.91998] /Dest /case-x /A <</URI (a\\)b)>> /P 12 0 R /K [1 2 0 R 3]>>";
    const { value } = parseValue(text, 0);
    expect(serialize(value)).toBe("<</Type /Annot\n/Rect [63 712.16998 87 724.91998]\n/Dest /case-x\n/A <</URI (a\\)b)>>\n/P 12 0 R\n/K [1 2 0 R 3]>>");
    expect((value as Map<string, unknown>).get("P")).toEqual(new PdfRef(12));
    expect(serialize(value, (n) => n + 100)).toContain("/P 112 0 R");
  });

  it("renames the structure elements' names Chromium takes from its DOM, the same way every time", () => {
    const [a, b] = [{}, {}] as PdfFile[];
    const parse = (text: string) => parseValue(text, 0).value as PdfDict;
    const th = "<</Type /StructElem /S /TH /ID (node00000635)>>";
    const td = "<</Type /StructElem /S /TD /A [<</O /Table /Headers [(node00000635) (node00000641)]>>]>>";
    const rename = structureIdRenamer();
    const cell = parse(td);
    expect(serialize(rename(a!, cell))).toBe("<</Type /StructElem\n/S /TD\n/A [<</O /Table\n/Headers [(n1) (n2)]>>]>>");
    expect(serialize(cell)).toContain("(node00000635)"); // the parsed object is left as it was
    expect(serialize(rename(a!, parse(th)))).toContain("/ID (n1)");
    expect(serialize(rename(b!, parse(th)))).toContain("/ID (n3)"); // another chunk's node 635 is another element
    const page = parse("<</Type /Page /ID (x)>>");
    expect(rename(a!, page)).toBe(page);
    const again = structureIdRenamer();
    expect(serialize(again(b!, parse(td)))).toContain("/Headers [(n1) (n2)]"); // numbered in the order met, whatever Chromium's numbers
  });

  it("writes text as PDF strings and dates as PDF dates, and reads names", () => {
    expect(textString("Casebook (2025)").raw).toBe("(Casebook \\(2025\\))");
    expect(textString("案例").raw).toBe("<FEFF68484F8B>");
    expect(dateString("2026-01-01T00:00:00Z").raw).toBe("(D:20260101000000Z)");
    expect(nameText("case-x--h-r#C3#A9sultats")).toBe("case-x--h-résultats");
  });
});
