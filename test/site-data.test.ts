import { parse as parseCsv } from "csv-parse/sync";
import { XMLValidator } from "fast-xml-parser";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../schema/languages.js";
import { checkCasebook } from "../src/build/check-casebook.js";
import { openProject } from "../src/build/open-project.js";
import { viewCase } from "../src/link/case-view.js";
import type { Casebook } from "../src/link/casebook-model.js";
import { linkCasebook } from "../src/link/link-casebook.js";
import { loadCasebook } from "../src/load/load-casebook.js";
import { caseJsonLd, jsonLdScriptText } from "../src/site/cite/case-json-ld.js";
import { caseBibtex, caseCslJson, caseReference, caseReferenceParts } from "../src/site/cite/citation.js";
import { escapeLatex } from "../src/site/cite/latex-escape.js";
import { licenseUrl } from "../src/site/cite/license-url.js";
import { casesCsv, casesCsvRows, CSV_COLUMNS } from "../src/site/data/cases-csv.js";
import { casesJson, casesJsonText } from "../src/site/data/cases-json.js";
import { neutraliseFormula } from "../src/site/data/csv-text.js";
import { atomFeed } from "../src/site/feeds/atom-feed.js";
import { caseSitemapPages, robotsTxt, sitemapXml } from "../src/site/feeds/sitemap.js";
import { stripXmlIllegal, xmlAttr, xmlText } from "../src/site/feeds/xml-text.js";
import { HOSTILE, hostileCasebook } from "./fixtures/site-data/hostile-book.js";
import { childrenNamed, childText, parseXml } from "./fixtures/site-data/xml-tree.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BUILD_DATE = "2025-12-01T00:00:00Z";

function sampleCasebook(): Casebook {
  const project = openProject({ cwd: ROOT });
  const { casebook: validated } = checkCasebook(project);
  const loaded = loadCasebook(project.casesDir, project.cwd);
  return linkCasebook(validated, loaded, { config: project.config!, vocabularies: project.vocabularies, includeDrafts: false });
}

const book = sampleCasebook();
const hostile = hostileCasebook(book, "tianjin-thailand-rail-workshop");
const versionCount = (b: Casebook) => b.cases.reduce((n, c) => n + c.versions.size, 0);
/** What a spreadsheet would evaluate; plain decimal numbers are numbers, not formulas. */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;
const isPlainNumber = (cell: string) => /^-?\d+(?:\.\d+)?$/.test(cell);

/** Both parsers must accept the document: saxes (strict XML 1.0 + namespaces) and fast-xml-parser's validator. */
function parseWellFormed(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parseXml(xml);
}

/** Every key path of a JSON value, with array items as `[]` and language keys as `<lang>`. */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return value.length ? value.flatMap((v) => keyPaths(v, `${prefix}[]`)) : [];
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, `${prefix ? `${prefix}.` : ""}${(LANGUAGES as readonly string[]).includes(k) ? "<lang>" : k}`));
}

describe("cases.json", () => {
  const data = casesJson(book, { buildDate: BUILD_DATE });

  it("holds every published case with its versions, urls and labels in four languages", () => {
    expect(book.cases).toHaveLength(24);
    expect(data).toMatchObject({ edition: "2025", generated: BUILD_DATE, license: { id: "CC-BY-4.0", url: "https://creativecommons.org/licenses/by/4.0/" } });
    expect(data.cases.map((c) => c.id)).toEqual(book.cases.map((c) => c.id));
    const rail = data.cases.find((c) => c.id === "tianjin-thailand-rail-workshop")!;
    expect(rail.urls.fr).toBe("https://casebook.example.org/fr/cases/tianjin-thailand-rail-workshop/");
    expect(rail.languages).toEqual(["en", "zh"]);
    expect(rail.versions.zh).toMatchObject({ isTranslation: true, url: "https://casebook.example.org/zh/cases/tianjin-thailand-rail-workshop/" });
    expect(rail.countries[0]).toEqual({ code: "TH", names: { en: "Thailand", zh: "泰国", fr: "Thaïlande", ru: "Таиланд" } });
    expect(Object.keys(rail.models[0]!.labels)).toEqual(["en", "zh", "fr", "ru"]);
    expect(rail.outcomes.find((o) => o.metric.id === "equipment-value")).toMatchObject({ metric: { unit: "currency" }, currency: "CNY", baseline: null });
    expect(rail.period).toEqual({ start: 2018, end: 2024 });
  });

  it("documents every field it has, and has every field it documents", () => {
    const documented = data.fields.map((f) => f.name);
    expect(new Set(documented).size).toBe(documented.length);
    const present = new Set(keyPaths({ ...data, fields: data.fields.slice(0, 1) }));
    expect([...present].filter((p) => !documented.includes(p))).toEqual([]);
    expect(documented.filter((p) => !present.has(p))).toEqual([]);
  });

  it("is deterministic text that parses back to the same object", () => {
    const text = casesJsonText(book, { buildDate: BUILD_DATE });
    expect(text).toBe(casesJsonText(sampleCasebook(), { buildDate: BUILD_DATE }));
    expect(text.endsWith("}\n") && text.includes('\n  "edition"')).toBe(true);
    expect(JSON.parse(text)).toEqual(data);
  });

  it("round-trips hostile strings exactly", () => {
    const parsed = JSON.parse(casesJsonText(hostile, { buildDate: BUILD_DATE }));
    expect(parsed).toEqual(casesJson(hostile, { buildDate: BUILD_DATE }));
    hostile.cases.forEach((entry, i) => {
      expect(parsed.cases[i].versions.en.title).toBe(entry.versions.get("en")!.title);
      expect(parsed.cases[i].versions.zh.summary).toBe(entry.versions.get("zh")!.summary);
      expect(parsed.cases[i].partners.map((p: { name: string }) => p.name)).toEqual(entry.data.partners.map((p) => p.name));
    });
  });
});

describe("cases.csv", () => {
  const parse = (text: string): string[][] => parseCsv(text, { bom: true, relax_column_count: false });

  it("is RFC 4180 with a BOM and CRLF: one row per case and language version", () => {
    const text = casesCsv(book);
    expect(text.startsWith("\uFEFFid,number,language,")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = parse(text);
    expect(rows).toEqual(casesCsvRows(book));
    expect(rows).toHaveLength(1 + versionCount(book));
    expect(rows[0]).toEqual(CSV_COLUMNS.map((c) => c.name));
    const zh = rows.find((r) => r[0] === "tianjin-thailand-rail-workshop" && r[2] === "zh")!;
    expect(zh[CSV_COLUMNS.findIndex((c) => c.name === "country_names")]).toBe("泰国; 中国");
  });

  it("parses back to the same cells from hostile strings, with no formula left to run", () => {
    const text = casesCsv(hostile);
    const rows = parse(text);
    expect(rows).toEqual(casesCsvRows(hostile));
    expect(rows).toHaveLength(1 + versionCount(hostile));
    // Outside quoted fields every line ends in CRLF: a bare CR or LF appears only inside quotes.
    expect(text.replace(/"(?:[^"]|"")*"/g, "").replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const cell of rows.flat()) if (!isPlainNumber(cell)) expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA_START);
    const title = CSV_COLUMNS.findIndex((c) => c.name === "title");
    const tags = CSV_COLUMNS.findIndex((c) => c.name === "tags");
    expect(rows.slice(1).map((r) => r[title])).toContain(`'${HOSTILE["formula"]}`);
    expect(rows.slice(1).map((r) => r[title])).toContain(`'${HOSTILE["minus"]}`);
    expect(rows.slice(1).map((r) => r[tags])).toContain("-5");
    expect(rows.flat().join("")).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(rows.flat()).toContain(HOSTILE["script"]);
    // Nothing UTF-8 cannot encode (lone surrogates): the file written to disk is the text tested here.
    expect(Buffer.from(text, "utf8").toString("utf8")).toBe(text);
  });

  it("neutralises formulas but keeps plain numbers", () => {
    for (const cell of ["=1", "+1", "-1+1", "@A1", "\t1", "\rx", "  =1", " \t@x", "＝1", "-A1", "- 1", "--1"]) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    for (const cell of ["-5", "-2.5", "12", "0.75", "a=b", "", "plain"]) expect(neutraliseFormula(cell)).toBe(cell);
  });
});

describe("Atom feeds", () => {
  it("are well-formed, newest first, one entry per case, fallbacks marked", () => {
    for (const lang of LANGUAGES) {
      const xml = atomFeed(book, lang, { buildDate: BUILD_DATE });
      const feed = parseWellFormed(xml);
      expect(feed.name).toBe("feed");
      expect(feed.attributes["xmlns"]).toBe("http://www.w3.org/2005/Atom");
      const entries = childrenNamed(feed, "entry");
      expect(entries).toHaveLength(book.cases.length);
      const updated = entries.map((e) => childText(e, "updated")!);
      expect(updated).toEqual([...updated].sort().reverse());
      expect(childText(feed, "updated")).toBe(updated[0]);
      const fallbacks = book.cases.filter((c) => !c.versions.has(lang)).length;
      expect(entries.filter((e) => e.attributes["xml:lang"]).length).toBe(fallbacks);
      expect(entries.filter((e) => childrenNamed(e, "category").some((c) => c.attributes["term"] === "untranslated")).length).toBe(fallbacks);
      for (const e of entries) {
        expect(childrenNamed(e, "link")[0]!.attributes["href"]).toMatch(new RegExp(`^https://casebook\\.example\\.org/${lang}/cases/[a-z0-9-]+/$`));
        expect(childrenNamed(e, "author").length).toBeGreaterThan(0);
        expect(childText(e, "summary")!.length).toBeGreaterThan(50);
      }
    }
    expect(atomFeed(book, "fr", { buildDate: BUILD_DATE })).toBe(atomFeed(sampleCasebook(), "fr", { buildDate: BUILD_DATE }));
  });

  it("escape hostile strings and drop characters XML cannot hold", () => {
    for (const lang of LANGUAGES) {
      const xml = atomFeed(hostile, lang, { buildDate: BUILD_DATE });
      const feed = parseWellFormed(xml);
      expect(xml).not.toContain("<script>");
      expect(xml).not.toContain("]]>");
      expect(childText(feed, "title")).toBe(stripXmlIllegal(typeof hostile.config.title === "string" ? hostile.config.title : hostile.config.title[lang]!));
      const entries = childrenNamed(feed, "entry");
      for (const entry of hostile.cases) {
        const view = viewCase(entry, lang);
        const node = entries.find((e) => childrenNamed(e, "link")[0]!.attributes["href"]!.includes(`/${entry.id}/`))!;
        expect(childText(node, "title")).toBe(stripXmlIllegal(view.version.title));
        expect(childText(node, "summary")).toBe(stripXmlIllegal(view.version.summary));
        expect(childrenNamed(node, "author").map((a) => childText(a, "name"))).toEqual(entry.data.authors.map((a) => stripXmlIllegal(a.name)));
      }
    }
  });

  it("falls back to the build date only when there is no entry", () => {
    const empty = { ...book, cases: [], byId: new Map() };
    expect(childText(parseWellFormed(atomFeed(empty, "en", { buildDate: BUILD_DATE })), "updated")).toBe(BUILD_DATE);
  });
});

describe("sitemap and robots.txt", () => {
  it("lists every case page with its language alternates and x-default", () => {
    const urlset = parseWellFormed(sitemapXml(book, caseSitemapPages(book)));
    const urls = childrenNamed(urlset, "url");
    expect(urls).toHaveLength(book.cases.length * book.languages.length);
    for (const url of urls) {
      expect(childText(url, "loc")).toMatch(/^https:\/\/casebook\.example\.org\/(en|zh|fr|ru)\/cases\/[a-z0-9-]+\/$/);
      expect(childText(url, "lastmod")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const links = childrenNamed(url, "xhtml:link").map((l) => l.attributes["hreflang"]);
      expect(links).toEqual(["en", "zh", "fr", "ru", "x-default"]);
    }
  });

  it("escapes paths with markup characters", () => {
    const xml = sitemapXml(hostile, [{ path: "/en/search/?q=a&b=<c>\"'", alternates: { en: "/en/?x=1&y=2" }, lastmod: "2025-01-01" }]);
    const url = childrenNamed(parseWellFormed(xml), "url")[0]!;
    expect(childText(url, "loc")).toBe("https://casebook.example.org/en/search/?q=a&b=%3Cc%3E%22%27");
    expect(childrenNamed(url, "xhtml:link")[0]!.attributes["href"]).toBe("https://casebook.example.org/en/?x=1&y=2");
  });

  it("robots.txt announces the sitemap, also under a base path", () => {
    expect(robotsTxt("https://casebook.example.org/")).toBe("User-agent: *\nDisallow: /pagefind/\n\nSitemap: https://casebook.example.org/sitemap.xml\n");
    expect(robotsTxt("https://example.org/book")).toContain("Sitemap: https://example.org/book/sitemap.xml");
    expect(robotsTxt("https://example.org/book")).toContain("Disallow: /book/pagefind/");
  });
});

describe("XML text", () => {
  it("escapes markup and keeps CR, tab and newline through a parser", () => {
    const text = `a & b < c > d " e ' f ]]> g \r\n\t h`;
    const doc = parseXml(`<r a="${xmlAttr(text)}">${xmlText(text)}</r>`);
    expect(doc.text).toBe(text);
    expect(doc.attributes["a"]).toBe(text);
    expect(stripXmlIllegal(HOSTILE["lone"]!)).toBe("lone  high and  low, pair \u{1F600} kept");
  });
});

/** BibTeX brace depth never goes below zero and ends at zero. */
function bracesBalance(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === "{") depth++;
    if (c === "}" && --depth < 0) return false;
  }
  return depth === 0;
}

describe("citations", () => {
  const rail = book.byId.get("tianjin-thailand-rail-workshop")!;

  it("format an APA-like reference in the reader's language", () => {
    expect(caseReference(viewCase(rail, "en"), book, "en")).toBe(
      "Casebook editorial team (2025). A shared rail maintenance workshop in Bangkok. In Global Vocational Education Casebook (2025 ed.). " +
        "Casebook editors (sample content). https://casebook.example.org/en/cases/tianjin-thailand-rail-workshop/",
    );
    const fr = caseReferenceParts(viewCase(rail, "fr"), book, "fr");
    expect(fr.find((p) => p.italic)?.text).toBe("Global Vocational Education Casebook");
    expect(fr[0]!.text).toMatch(/ Dans $/);
    expect(fr.at(-1)).toEqual({ text: "https://casebook.example.org/en/cases/tianjin-thailand-rail-workshop/", href: "https://casebook.example.org/en/cases/tianjin-thailand-rail-workshop/" });
    expect(caseReference(viewCase(rail, "zh"), book, "zh")).toMatch(/ 译\)\. 载 全球职业教育案例集 \(2025 版\)\. /);
  });

  it("give BibTeX with a stable key and balanced braces, CSL-JSON with the required fields", () => {
    for (const entry of book.cases)
      for (const lang of LANGUAGES) {
        const view = viewCase(entry, lang);
        const bib = caseBibtex(view, book);
        expect(bib.startsWith(`@incollection{casebook-${entry.id}-${view.version.lang},\n`)).toBe(true);
        expect(bracesBalance(bib)).toBe(true);
        const csl = caseCslJson(view, book);
        expect(csl).toMatchObject({ id: `casebook-${entry.id}-${view.version.lang}`, type: "chapter", title: view.version.title, language: view.version.lang });
        expect(csl.issued["date-parts"][0]).toEqual(view.version.published.split("-").map(Number));
      }
    expect(caseBibtex(viewCase(rail, "en"), book)).toContain("  edition   = {2025 ed.},\n");
  });

  it("escape every LaTeX special character in hostile strings", () => {
    expect(escapeLatex("\\ { } % $ & # _ ^ ~")).toBe(
      "\\textbackslash{} \\textbraceleft{} \\textbraceright{} \\% \\$ \\& \\# \\_ \\textasciicircum{} \\textasciitilde{}",
    );
    const sequences = /\\text(?:backslash|braceleft|braceright|asciicircum|asciitilde)\{\}|\\[%$&#_]/g;
    for (const entry of hostile.cases)
      for (const lang of LANGUAGES) {
        const bib = caseBibtex(viewCase(entry, lang), hostile);
        expect(bracesBalance(bib)).toBe(true);
        for (const line of bib.split("\n").slice(1, -2)) {
          const value = /^ {2}(\w+) *= \{(.*)\},?$/.exec(line);
          expect(value, line).not.toBeNull();
          if (value![1] === "url") continue;
          expect(value![2]!.replace(sequences, ""), line).not.toMatch(/[\\%$&#_^~\u0000-\u001F]/);
        }
        expect(JSON.parse(JSON.stringify(caseCslJson(viewCase(entry, lang), hostile))).title).toBe(viewCase(entry, lang).version.title);
      }
  });
});

describe("JSON-LD", () => {
  it("describes each case as a ScholarlyArticle of the casebook", () => {
    const rail = book.byId.get("tianjin-thailand-rail-workshop")!;
    const ld = caseJsonLd(viewCase(rail, "zh"), book);
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ScholarlyArticle",
      inLanguage: "zh",
      datePublished: rail.versions.get("zh")!.published,
      isPartOf: { "@type": "Book", name: "全球职业教育案例集", bookEdition: "2025" },
      license: "https://creativecommons.org/licenses/by/4.0/",
      translationOfWork: { "@id": "https://casebook.example.org/en/cases/tianjin-thailand-rail-workshop/" },
      temporalCoverage: "2018/2024",
    });
    expect((ld["spatialCoverage"] as { name: string }[]).map((c) => c.name)).toEqual(["泰国", "中国"]);
    expect(licenseUrl("MIT")).toBe("https://spdx.org/licenses/MIT.html");
    expect(licenseUrl("CC-BY-SA-4.0")).toBe("https://creativecommons.org/licenses/by-sa/4.0/");
  });

  it("serialises safely inside a script element and parses back to the same strings", () => {
    for (const b of [book, hostile])
      for (const entry of b.cases)
        for (const lang of LANGUAGES) {
          const ld = caseJsonLd(viewCase(entry, lang), b);
          const text = jsonLdScriptText(ld);
          expect(text).not.toMatch(/[<>&\u2028\u2029]/);
          expect(text.toLowerCase()).not.toContain("</script");
          expect(JSON.parse(text)).toEqual(ld);
        }
    const view = viewCase(hostile.byId.get("hostile-case-2")!, "en");
    expect(JSON.parse(jsonLdScriptText(caseJsonLd(view, hostile)))["headline"]).toBe(HOSTILE["script"]);
  });
});
