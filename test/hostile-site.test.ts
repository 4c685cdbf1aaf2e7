/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { XMLValidator } from "fast-xml-parser";
import type { Element } from "hast";
import { toString } from "hast-util-to-string";
import type { Page } from "puppeteer";
import { SaxesParser } from "saxes";
import { visit } from "unist-util-visit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeHostileCasebook, type HostileCase } from "./fixtures/hostile/hostile-casebook.js";
import { inertProblems, parsePage } from "./fixtures/hostile/inert-html.js";
import { INLINE_PAYLOADS, PAYLOADS } from "./fixtures/hostile/payloads.js";
import { runCli } from "./helpers/run-cli.js";
import { siteFiles } from "./helpers/site-files.js";
import { siteInBrowser } from "./helpers/site-in-browser.js";
import { removeProjects } from "./helpers/remove-projects.js";

/**
 * Issue 5, hostile content: a casebook whose every field carries script-injection attempts
 * (fixtures/hostile/payloads.ts) passes `casebook check`, builds, and every output is inert: pages
 * parsed as a browser parses them, the same pages run in headless Chromium, the feeds, sitemap,
 * JSON, CSV and JSON-LD.
 */
const dir = mkdtempSync(join(tmpdir(), "casebook-hostile-"));
const out = join(dir, "dist");
const site = join(out, "site");
let cases: HostileCase[] = [];
let pages: string[] = [];
const read = (file: string) => readFileSync(join(site, file), "utf8");

beforeAll(() => {
  cases = writeHostileCasebook(dir);
  const run = runCli(["build", "--no-pdf", "--out", out], dir, { SOURCE_DATE_EPOCH: "1767225600" });
  if (run.code !== 0) throw new Error(`the hostile casebook did not build:\n${run.stderr.slice(0, 4000)}`);
  pages = siteFiles(site).filter((f) => f.endsWith(".html"));
}, 300_000);
afterAll(() => removeProjects([dir]));

/** What XML and CSV writers must drop: C0 controls other than tab/LF/CR. */
const withoutControls = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");

describe("the hostile casebook", () => {
  it("holds at least 100 distinct payloads and passes casebook check", () => {
    expect(new Set(PAYLOADS.map((p) => p.text)).size).toBeGreaterThanOrEqual(100);
    expect(cases.flatMap((c) => c.body)).toEqual(PAYLOADS);
    const check = runCli(["check", "--format", "json"], dir);
    expect(check.code, check.stdout.slice(0, 2000)).toBe(0);
    // Raw images whose source is not a file of the case are warned about (the sanitiser drops them).
    const warned = (JSON.parse(check.stdout) as { ruleId: string; message: string }[]).filter((d) => d.ruleId === "raw-html-url").map((d) => d.message);
    for (const url of ["javascript:alert(1)", "../../../etc/passwd", "//evil.example/track.png"]) expect(warned.join("\n")).toContain(`\`${url}\``);
  });

  it("puts every one-line payload in a title, partner, author, affiliation, tag, outcome, source and cover alt", () => {
    const limits: Record<string, number> = { title: 200, partner: 200, author: 200, affiliation: 300, tag: 60, outcome: 500, source: 300, coverAlt: 300 };
    for (const [field, max] of Object.entries(limits)) {
      const used = cases.flatMap((c) => c.fields[field] ?? []);
      const missing = INLINE_PAYLOADS.filter((p) => p.text.trim().length >= 2 && p.text.length <= max && !used.some((u) => u.includes(p.text.trim())));
      expect(missing.map((p) => p.name), field).toEqual([]);
    }
  });
});

describe("every generated page, parsed as a browser parses it", () => {
  it("is checked by a parser that notices what would run or load", () => {
    const bad = '<script>alert(1)</script><img src="https://evil.example/x.png" onerror="x"><a href="java&#9;script:alert(1)">x</a><iframe srcdoc="x"></iframe>';
    const problems = inertProblems(`<!doctype html><title>x</title>${bad}`).join("\n");
    for (const what of ["a script that is not ours", "event handler onError", "src loads https://evil.example", "scheme javascript", "a <iframe> element", "srcdoc"]) expect(problems).toContain(what);
  });

  it("has no script but ours, no handler, no dangerous URL and no resource from another host", () => {
    expect(pages.length).toBeGreaterThan(2 * cases.length);
    const problems = pages.flatMap((file) => inertProblems(read(file)).map((p) => `${file}: ${p}`));
    expect(problems).toEqual([]);
  });

  it("shows each case's title as text: in <title>, in <h1> and in the JSON-LD headline", () => {
    for (const c of cases) {
      const title = c.fields["title"]![0]!;
      const tree = parsePage(read(`en/cases/${c.id}/index.html`));
      let h1 = "";
      let docTitle = "";
      let jsonLd: { headline?: string } = {};
      visit(tree, "element", (el: Element) => {
        if (el.tagName === "h1") h1 = toString(el);
        if (el.tagName === "title") docTitle = toString(el);
        if (el.tagName === "script" && el.properties["type"] === "application/ld+json") jsonLd = JSON.parse(toString(el)) as typeof jsonLd;
      });
      // An HTML parser turns CR into LF, drops NUL from body text and makes it U+FFFD in <title>.
      const asHtmlText = (s: string) => s.trim().replace(/\r\n?/g, "\n");
      expect(h1, c.id).toBe(asHtmlText(title).replace(/\0/g, ""));
      expect(docTitle, c.id).toBe(`${asHtmlText(title).replace(/\0/g, "\uFFFD")} · Hostile casebook`);
      expect(jsonLd.headline, c.id).toBe(title.trim());
    }
  });
});

describe("feeds, sitemap and open data with hostile strings", () => {
  const wellFormed = (xml: string, name: string) => {
    expect(XMLValidator.validate(xml), name).toBe(true);
    const parser = new SaxesParser({ xmlns: true });
    const elements: string[] = [];
    const texts: string[] = [];
    parser.on("opentag", (tag) => elements.push(tag.local));
    parser.on("text", (t) => texts.push(t));
    parser.on("error", (e) => {
      throw new Error(`${name}: ${e.message}`);
    });
    parser.write(xml).close();
    return { elements, texts: texts.join("\n") };
  };

  it("writes well-formed Atom feeds whose entry titles are the case titles, as text", () => {
    for (const lang of ["en", "fr"]) {
      const xml = read(`${lang}/feed.xml`);
      const { elements, texts } = wellFormed(xml, `${lang}/feed.xml`);
      // Only Atom's own elements: no payload became markup.
      const atom = ["feed", "id", "title", "subtitle", "link", "updated", "author", "name", "uri", "rights", "generator", "entry", "published", "contributor", "category", "summary"];
      expect(elements.filter((e) => !atom.includes(e))).toEqual([]);
      if (lang === "en") for (const c of cases) expect(texts, c.id).toContain(withoutControls(c.fields["title"]![0]!.trim()).replace(/\r/g, "\n").split("\n")[0]);
    }
  });

  it("writes a well-formed sitemap that lists only this site's pages", () => {
    const { elements, texts } = wellFormed(read("sitemap.xml"), "sitemap.xml");
    expect(elements.every((e) => ["urlset", "url", "loc", "lastmod", "link"].includes(e))).toBe(true);
    const locs = texts.split(/\s+/).filter((t) => t.startsWith("http"));
    expect(locs.length).toBeGreaterThan(0);
    for (const loc of locs) expect(loc.startsWith("https://casebook.example.org/")).toBe(true);
  });

  it("keeps every hostile string intact in cases.json (escaping, not mangling)", () => {
    const data: unknown = JSON.parse(read("data/cases.json"));
    const strings = new Set<string>();
    const collect = (v: unknown): void => {
      if (typeof v === "string") strings.add(v);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === "object") Object.values(v).forEach(collect);
    };
    collect(data);
    // URLs are kept as the URL parser reads them (tabs and newlines removed); all else verbatim.
    const expected = cases.flatMap((c) => Object.entries(c.fields).filter(([f]) => f !== "coverAlt").flatMap(([, v]) => v)).map((v) => (v.startsWith("https://") ? v.replace(/[\t\n\r]/g, "") : v.trim()));
    const missing = expected.filter((value) => !strings.has(value) && ![...strings].some((s) => s.includes(value)));
    expect(missing).toEqual([]);
  });

  it("neutralises every CSV cell a spreadsheet would evaluate as a formula", () => {
    const rows = parseCsv(read("data/cases.csv"), { bom: true, relax_column_count: false }) as string[][];
    expect(rows.length).toBe(1 + cases.length + cases.filter((c) => (c.fields["translator"] ?? []).length > 0).length);
    const formula = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;
    const bad = rows.flat().filter((cell) => formula.test(cell) && !/^-?\d+(?:\.\d+)?$/.test(cell));
    expect(bad).toEqual([]);
    // The formula payloads are there, defused by a leading apostrophe.
    const titles = new Set(rows.map((r) => r[rows[0]!.indexOf("title")]));
    for (const c of cases) {
      const title = withoutControls(c.fields["title"]![0]!).trim();
      expect(titles.has(title) || titles.has(`'${title}`) || [...titles].some((t) => t?.replace(/^'/, "").trim() === title), c.id).toBe(true);
    }
    // The formula payloads are there at the start of some cells (partners, tags…), defused.
    expect(rows.flat().filter((cell) => cell.startsWith("'=cmd") || cell.startsWith("'+SUM") || cell.startsWith("'@SUM")).length).toBeGreaterThan(0);
  });
});

describe("every generated page in headless Chromium", () => {
  const served = siteInBrowser(() => site);

  /** Opens a page with every way a payload could show itself recorded: dialogs, errors, requests. */
  async function open(path: string, problems: string[]): Promise<Page> {
    const page = await served.browser.newPage();
    page.on("dialog", (d) => {
      problems.push(`${path}: a ${d.type()} dialog opened: ${d.message()}`);
      void d.dismiss();
    });
    page.on("pageerror", (e) => problems.push(`${path}: page error ${(e as Error).message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !/404|Failed to load resource/.test(m.text())) problems.push(`${path}: console ${m.text()}`);
    });
    page.on("request", (r) => {
      if (!r.url().startsWith(served.server.url) && !r.url().startsWith("data:")) problems.push(`${path}: request to ${r.url()}`);
    });
    page.on("popup", () => problems.push(`${path}: a popup opened`));
    await page.goto(served.server.url + path, { waitUntil: "load" });
    // Autofocus, animations and timers get a moment to fire, and the DOM as Chromium built it is checked.
    await new Promise((r) => setTimeout(r, 50));
    const dom = await page.evaluate(() => {
      const found: string[] = [];
      for (const el of Array.from(document.querySelectorAll("*"))) {
        for (const a of Array.from(el.attributes)) {
          if (/^on/i.test(a.name)) found.push(`${el.tagName} ${a.name}`);
          if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*(javascript|vbscript|data):/i.test(a.value.replace(/[\t\n\r]/g, ""))) found.push(`${el.tagName} ${a.name}=${a.value}`);
        }
        if (el.tagName === "SCRIPT" && !(el as HTMLScriptElement).src && (el as HTMLScriptElement).type !== "application/ld+json") found.push("inline script");
        if (["IFRAME", "OBJECT", "EMBED", "BASE", "FRAME"].includes(el.tagName)) found.push(el.tagName);
      }
      return found;
    });
    problems.push(...dom.map((d) => `${path}: ${d}`));
    return page;
  }

  it("notices a payload that does run (the watchers work)", async () => {
    mkdirSync(join(site, "canary"), { recursive: true });
    writeFileSync(join(site, "canary", "index.html"), '<!doctype html><title>c</title><img src="https://evil.example/x.png"><script>alert(1)</script><p onclick="x">x</p>');
    const problems: string[] = [];
    const page = await open("/canary/", problems);
    await page.close();
    rmSync(join(site, "canary"), { recursive: true });
    expect(problems.some((p) => p.includes("alert dialog"))).toBe(true);
    expect(problems.some((p) => p.includes("request to https://evil.example/x.png"))).toBe(true);
    expect(problems.some((p) => p.includes("P onclick"))).toBe(true);
    expect(problems.some((p) => p.includes("inline script"))).toBe(true);
  });

  it("loads every page without a dialog, a script error or a request to another host", async () => {
    const problems: string[] = [];
    // Every page, except the French fallbacks of untranslated cases: the same body in French chrome.
    const translated = new Set(cases.filter((c) => c.fields["translator"]).map((c) => c.id));
    const queue = pages
      .filter((f) => !/^fr\/cases\/[^/]+\//.test(f) || translated.has(f.split("/")[2]!))
      .map((f) => `/${f.replace(/index\.html$/, "")}`);
    expect(queue.length).toBeGreaterThan(cases.length);
    const worker = async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const page = await open(path, problems);
        await page.close();
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(problems).toEqual([]);
  }, 600_000);

  it("searches and filters hostile cases without running anything", async () => {
    const problems: string[] = [];
    for (const query of ["alert", "script onerror", "javascript", "svg onload"]) {
      const page = await open(`/en/search/?q=${encodeURIComponent(query)}&all=1`, problems);
      await page.waitForFunction(() => document.querySelectorAll(".search-results li").length > 0, { timeout: 20_000 });
      await new Promise((r) => setTimeout(r, 200));
      const titles = await page.$$eval(".search-results h2 a", (links) => links.map((a) => a.textContent ?? ""));
      expect(titles.some((t) => t.includes("<"))).toBe(true); // markup shown as text, not run
      await page.close();
    }
    const browse = await open("/en/cases/", problems);
    await browse.click('input[name="country"][value="TH"]');
    await browse.close();
    expect(problems).toEqual([]);
  }, 120_000);
});
