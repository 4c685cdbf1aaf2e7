import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Element } from "hast";
import { fromHtml } from "hast-util-from-html";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../src/markdown/parse-markdown.js";
import { hastToHtml, renderMarkdown, type Lang, type RenderOptions } from "../src/markdown/render-markdown.js";

const root = fileURLToPath(new URL("fixtures/markdown/", import.meta.url));
const update = process.env["UPDATE"] === "1";

/** The casebook the fixtures link into: case id → title per language it exists in. */
const CASES: Record<string, Partial<Record<Lang, string>>> = {
  "kazakhstan-welding-standards": { en: "Welding standards in Kazakhstan", zh: "哈萨克斯坦焊接标准", ru: "Стандарты сварки в Казахстане" },
  "france-culinary-exchange": { en: "A culinary exchange with France", fr: "Un échange culinaire avec la France" },
};

function options(fixture: string): RenderOptions {
  const file = join(root, fixture, "options.json");
  const given = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { lang?: Lang; caseId?: string }) : {};
  const caseId = given.caseId ?? "tianjin-thailand-rail-workshop";
  return {
    lang: given.lang ?? "en",
    caseId,
    resolveCaseLink: (id, lang) => {
      const titles = CASES[id];
      if (!titles) return undefined;
      const shown: Lang = titles[lang] ? lang : "en";
      return { href: `/${shown}/cases/${id}/`, title: titles[shown] ?? id };
    },
    resolveAsset: (path) => `/assets/${caseId}/${path.split("/").map(encodeURIComponent).join("/")}`,
  };
}

function render(fixture: string) {
  return renderMarkdown(readFileSync(join(root, fixture, "input.md"), "utf8"), options(fixture));
}

/** Compares with `name` in the fixture folder, or rewrites it with UPDATE=1. */
function expectFile(fixture: string, name: string, actual: string): void {
  const file = join(root, fixture, name);
  if (update) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

const fixtures = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("markdown fixtures", () => {
  it.each(fixtures)("%s", (fixture) => {
    const { hast, headings } = render(fixture);
    expectFile(fixture, "expected.html", hastToHtml(hast) + "\n");
    if (existsSync(join(root, fixture, "headings.json"))) expectFile(fixture, "headings.json", JSON.stringify(headings, null, 2) + "\n");
  });
});

describe("hostile input", () => {
  const forbidden = [
    /<script/i, /\son\w+=/i, /javascript:/i, /vbscript:/i, /data:/i, /<iframe/i, /<style/i, /<form/i, /<input/i,
    /<svg/i, /<math/i, /<object/i, /<embed/i, /<button/i, /<textarea/i, /\sstyle=/i, /\ssrcdoc=/i, /\sformaction=/i,
  ];
  const outputs = {
    rendered: () => hastToHtml(render("hostile").hast),
    "expected.html": () => readFileSync(join(root, "hostile", "expected.html"), "utf8"),
  };

  it.each(Object.keys(outputs) as (keyof typeof outputs)[])("%s carries none of the injection attempts", (which) => {
    const html = outputs[which]();
    expect(html.length).toBeGreaterThan(200);
    for (const pattern of forbidden) expect(html, String(pattern)).not.toMatch(pattern);
  });

  it("reparsed as a browser would, has only allowlisted elements and safe URLs", () => {
    const allowed = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code", "ul", "ol", "li"]);
    for (const tag of ["table", "thead", "tbody", "tr", "th", "td", "em", "strong", "del", "sup", "sub", "a", "img"]) allowed.add(tag);
    for (const tag of ["figure", "figcaption", "div", "section", "span", "html", "head", "body"]) allowed.add(tag);
    const tree = fromHtml(hastToHtml(render("hostile").hast));
    visit(tree, "element", (node: Element) => {
      expect(allowed, node.tagName).toContain(node.tagName);
      for (const [key, value] of Object.entries(node.properties)) {
        expect(key).not.toMatch(/^on/i);
        if (key === "href" || key === "src") expect(String(value)).toMatch(/^(https?:|mailto:|[^:]*$|[^:]*[/?#])/i);
      }
    });
  });
});

describe("renderMarkdown", () => {
  const base = options("case-links");

  it("leaves a given mdast untouched and returns a fresh tree each time", () => {
    const mdast = parseMarkdown("See [the welding case](case:kazakhstan-welding-standards) and [gone](case:gone).\n");
    const before = structuredClone(mdast);
    const first = renderMarkdown(mdast, base);
    const second = renderMarkdown(mdast, base);
    expect(mdast).toEqual(before);
    expect(first.hast).not.toBe(second.hast);
    expect(hastToHtml(first.hast)).toBe(hastToHtml(second.hast));
    expect(hastToHtml(first.hast)).toContain('href="/en/cases/kazakhstan-welding-standards/"');
  });

  it("gives the same ids to the same headings in every run, unique within the case", () => {
    const md = "## Outcomes\n\n## Outcomes\n\n### 成果\n";
    const first = renderMarkdown(md, base).headings.map((heading) => heading.id);
    expect(first).toEqual(["h-outcomes", "h-outcomes-1", "h-成果"]);
    expect(renderMarkdown(md, base).headings.map((heading) => heading.id)).toEqual(first);
  });

  it("labels footnotes in the reader's language", () => {
    const md = "Text.[^a]\n\n[^a]: Note.\n";
    const labels = { en: "Footnotes", zh: "脚注", fr: "Notes", ru: "Примечания" } as const;
    for (const [lang, label] of Object.entries(labels) as [Lang, string][]) {
      expect(hastToHtml(renderMarkdown(md, { ...base, lang }).hast)).toContain(`id="footnote-label">${label}</h2>`);
    }
  });
});
