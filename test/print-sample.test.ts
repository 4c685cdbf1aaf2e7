import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { toString as mdastText } from "mdast-util-to-string";
import { describe, expect, inject, it } from "vitest";
import { viewCase } from "../src/link/case-view.js";
import { localize } from "../src/link/localize.js";
import { parseMarkdown } from "../src/markdown/parse-markdown.js";
import { caseReferenceParts } from "../src/site/cite/citation.js";
import { termLabel } from "../src/site/components/labels.js";
import { HTML_LANG } from "../src/print/print-context.js";
import { checkBook, loadModel, squash, titlePages, translate } from "./fixtures/print/book-checks.js";
import { fontsOf, load, readPdf, structureOf } from "./fixtures/print/read-pdf.js";

// The sample casebook as the test run's global setup built it (with SOURCE_DATE_EPOCH=1767225600).
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const THEME = join(ROOT, "themes", "default");
const out = inject("sampleOut");
const book = loadModel(ROOT);
const bookPdf = (lang: string) => join(out, "pdf", `casebook.${lang}.pdf`);

describe.each(book.languages.map((lang) => [lang]))("the printed sample casebook in %s", (lang) => {
  const t = translate(THEME, lang);

  it("has the right page in its contents, indexes and cross-references, cases on right-hand pages and a bookmark per case", async () => {
    const pdf = await readPdf(bookPdf(lang));
    expect(checkBook(pdf, book, lang, t)).toEqual([]);
  });

  it("says what it is: title, author, subject, keywords, language, the build's date; tagged", async () => {
    const pdf = await readPdf(bookPdf(lang));
    expect(pdf.info).toMatchObject({
      Title: expect.stringContaining(localize(book.config.title, lang)),
      Author: localize(book.config.publisher, lang),
      Subject: localize(book.config.subtitle, lang),
      Keywords: expect.stringContaining(book.vocabularies.modelTypes[0]!.labels[lang]),
      Creator: "Casebook",
      CreationDate: "D:20260101000000Z",
      ModDate: "D:20260101000000Z",
    });
    expect(pdf.language).toBe(HTML_LANG[lang]);
    expect(pdf.tagged).toBe(true);
    const structure = await structureOf(pdf.bytes);
    expect(structure.root).toBe(true);
    expect(structure.elements["H2"]).toBeGreaterThanOrEqual(book.cases.length); // a heading element per case
    expect(structure.elements["Table"]).toBeGreaterThan(0);
    expect(structure.elements["Link"]).toBeGreaterThan(book.cases.length);
    expect(pdf.pages[0]!.width).toBeCloseTo(595, 0); // A4
  });

  it("has a bookmark for every part, the part's cases under it and each case's sections under the case", async () => {
    const pdf = await readPdf(bookPdf(lang));
    const { pages } = titlePages(pdf, book, lang, t);
    const v = book.vocabularies;
    for (const entry of book.cases) {
      const at = pdf.outline.findIndex((o) => o.depth === 1 && o.page === pages.get(entry.id) && squash(o.title).includes(squash(viewCase(entry, lang).version.title)));
      expect(at, entry.id).toBeGreaterThan(0);
      // Grouped by model (the default): the part above it is the case's first model.
      const part = pdf.outline.slice(0, at).findLast((o) => o.depth === 0)!;
      expect(part.title, entry.id).toContain(termLabel(v, "modelTypes", entry.data.models[0]!, lang));
      const end = pdf.outline.findIndex((o, i) => i > at && o.depth <= 1);
      const sections = pdf.outline.slice(at + 1, end < 0 ? undefined : end).filter((o) => o.depth === 2);
      const headings = parseMarkdown(viewCase(entry, lang).version.markdown).children.filter((n) => n.type === "heading" && n.depth === 2);
      expect(sections.map((o) => squash(o.title)), entry.id).toEqual(headings.map((h) => squash(mdastText(h))));
      for (const section of sections) expect(section.page! >= pages.get(entry.id)!, `${entry.id}: ${section.title}`).toBe(true);
    }
  });

  it("marks every case printed in its original language for want of a translation", async () => {
    const pdf = await readPdf(bookPdf(lang));
    const { pages } = titlePages(pdf, book, lang, t);
    const note = squash(t("case.fallback"));
    for (const entry of book.cases) {
      const marked = squash(pdf.pages[pages.get(entry.id)! - 1]!.text).includes(note);
      expect(marked, entry.id).toBe(viewCase(entry, lang).fallback);
    }
    if (lang !== book.config.defaultLanguage) expect(book.cases.some((e) => viewCase(e, lang).fallback)).toBe(true);
  });

  it("embeds every font, all of them the theme's Noto fonts, none of them Type 3", async () => {
    const fonts = await fontsOf((await readPdf(bookPdf(lang))).bytes);
    expect(fonts.length).toBeGreaterThan(3);
    expect(fonts.filter((f) => !f.embedded || f.subtype === "Type3" || !/\+Noto(Sans|Serif)/.test(f.name))).toEqual([]);
  });

  it("has no page number on the cover, and a number in the outer corner of the other printed pages", async () => {
    const pdf = await readPdf(bookPdf(lang));
    const cover = pdf.pages[0]!;
    expect(cover.items.filter((i) => i.y < 72 && /^\d+$/.test(i.str.trim()))).toEqual([]);
    const { pages } = titlePages(pdf, book, lang, t);
    for (const page of [...pages.values()].slice(0, 5)) {
      const folio = pdf.pages[page - 1]!.items.filter((i) => i.y < 72 && i.str.trim() === String(page));
      expect(folio, `page ${page}`).toHaveLength(1);
      expect(folio[0]!.x, `page ${page} is a right-hand page`).toBeGreaterThan(pdf.pages[page - 1]!.width / 2);
    }
  });

  it("has one PDF per case, its chapter as printed in the book, tagged, linking other cases to the website", async () => {
    const pdf = await readPdf(bookPdf(lang));
    const { pages } = titlePages(pdf, book, lang, t);
    let toOthers = 0;
    for (const entry of book.cases) {
      const file = join(out, "site", lang, "cases", entry.id, `${entry.id}.${lang}.pdf`);
      expect(existsSync(file), file).toBe(true);
      const one = await load(new Uint8Array(readFileSync(file)));
      const first = pages.get(entry.id)!;
      expect(one.pages[0]!.text, entry.id).toBe(pdf.pages[first - 1]!.text);
      expect(one.pages.at(-1)!.text, entry.id).toBe(pdf.pages[first + one.pages.length - 2]!.text);
      expect(one.tagged).toBe(true);
      expect(one.info["Title"]).toBe(viewCase(entry, lang).version.title);
      expect(one.outline[0]?.title, entry.id).toContain(viewCase(entry, lang).version.title);
      // "How to cite" gives the address the website's citation gives (a fallback cites its original's page).
      const cite = caseReferenceParts(viewCase(entry, lang), book, lang).find((p) => p.href)!.href!;
      expect(one.links.map((l) => l.url), entry.id).toContain(cite);
      // Every other case it links to, on the website in the book's language (every case has a page in every language).
      const others = one.links.filter((l) => l.target === undefined && l.url?.startsWith(book.config.baseUrl) && l.url.includes("/cases/") && !l.url.includes(`/cases/${entry.id}/`));
      for (const link of others) expect(link.url, entry.id).toMatch(new RegExp(`^${book.config.baseUrl}${lang}/cases/[a-z0-9-]+/`));
      toOthers += others.length;
      const internal = one.links.filter((l) => l.target !== undefined);
      for (const link of internal) expect(link.target).toBeLessThanOrEqual(one.pages.length);
    }
    expect(toOthers, "links from a case PDF to other cases").toBeGreaterThan(0);
  });

  it("copies the book into the website, which links to it", () => {
    // Buffer.equals, not a deep equality that walks a megabyte byte by byte.
    expect(readFileSync(join(out, "site", "pdf", `casebook.${lang}.pdf`)).equals(readFileSync(bookPdf(lang)))).toBe(true);
    const casePage = readFileSync(join(out, "site", lang, "cases", book.cases[0]!.id, "index.html"), "utf8");
    expect(casePage).toContain(`${book.cases[0]!.id}.${lang}.pdf`);
  });
});

describe("the printed sample casebook in Chinese and Russian", () => {
  it.each([
    ["zh", "目录", "案例"],
    ["ru", "Содержание", "Кейс"],
  ] as const)("yields its own text in %s", async (lang, contents, caseWord) => {
    const pdf = await readPdf(bookPdf(lang));
    const all = squash(pdf.pages.map((p) => p.text).join(" "));
    expect(all).toContain(squash(contents));
    expect(all).toContain(squash(caseWord));
    const translated = book.cases.filter((e) => e.versions.has(lang));
    expect(translated.length).toBeGreaterThan(0);
    for (const entry of translated) {
      const version = entry.versions.get(lang)!;
      expect(all, entry.id).toContain(squash(version.title));
      expect(all, entry.id).toContain(squash(version.summary));
    }
  });
});
