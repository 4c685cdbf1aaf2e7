import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Element } from "hast";
import { fromHtml } from "hast-util-from-html";
import { HtmlValidate } from "html-validate";
import { visit } from "unist-util-visit";
import { describe, expect, inject, it } from "vitest";
import { siteFiles } from "./helpers/site-files.js";

const site = join(inject("sampleOut"), "site");
const files = siteFiles(site);
const htmlFiles = files.filter((f) => f.endsWith(".html"));
const parsed = new Map(htmlFiles.map((f) => [f, fromHtml(readFileSync(join(site, f), "utf8"))]));

function elements(file: string, test: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(parsed.get(file)!, "element", (e: Element) => {
    if (test(e)) found.push(e);
  });
  return found;
}
const attr = (e: Element, name: string) => {
  const value = e.properties[name];
  return Array.isArray(value) ? value.join(" ") : value === undefined || value === null ? undefined : String(value);
};

describe("the built website", () => {
  it("has every page in every language", () => {
    for (const lang of ["en", "zh", "fr", "ru"]) {
      for (const page of ["index.html", "cases/index.html", "statistics/index.html", "search/index.html", "about/index.html", "countries/index.html", "models/index.html", "sectors/index.html"])
        expect(files, `${lang}/${page}`).toContain(`${lang}/${page}`);
      expect(files.filter((f) => f.startsWith(`${lang}/cases/`) && f.endsWith("/index.html")).length).toBe(25);
      expect(files).toContain(`${lang}/feed.xml`);
    }
    for (const file of ["index.html", "404.html", "sitemap.xml", "robots.txt", "data/cases.json", "data/cases.csv", "schema/case.schema.json", "pagefind/pagefind.js"])
      expect(files).toContain(file);
  });

  it("sets <html lang> and hreflang alternates on every page", () => {
    for (const file of htmlFiles) {
      const html = elements(file, (e) => e.tagName === "html")[0]!;
      expect(attr(html, "lang"), file).toMatch(/^(en|zh-CN|fr|ru)$/);
      if (file === "404.html") continue;
      const alternates = elements(file, (e) => e.tagName === "link" && attr(e, "rel") === "alternate" && attr(e, "hrefLang") !== undefined);
      expect(alternates.length, file).toBe(4);
    }
  });

  it("has no broken internal link, missing asset or missing fragment", () => {
    const broken: string[] = [];
    const ids = (file: string) => new Set(elements(file, (e) => attr(e, "id") !== undefined).map((e) => attr(e, "id")));
    for (const file of htmlFiles) {
      const refs = elements(file, (e) => ["a", "link", "script", "img", "source"].includes(e.tagName)).flatMap((e) =>
        ["href", "src"].map((name) => attr(e, name)).filter((v): v is string => v !== undefined),
      );
      for (const ref of refs) {
        if (/^[a-z]+:/i.test(ref) || ref.startsWith("//")) continue;
        const url = new URL(ref, `http://site/${file}`);
        let target = decodeURIComponent(url.pathname).replace(/^\//, "");
        if (target === "" || target.endsWith("/")) target += "index.html";
        if (!existsSync(join(site, target))) {
          broken.push(`${file}: ${ref}`);
          continue;
        }
        if (url.hash && target.endsWith(".html") && !ids(target).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${file}: ${ref} (fragment)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("marks the case body for the search index and the site chrome as ignored", () => {
    const page = "en/cases/tianjin-thailand-rail-workshop/index.html";
    expect(elements(page, (e) => attr(e, "dataPagefindBody") !== undefined)).toHaveLength(1);
    for (const tag of ["header", "footer", "aside"]) {
      const chrome = elements(page, (e) => e.tagName === tag && (attr(e, "className") ?? "").match(/site-|case-aside/) !== null);
      for (const e of chrome) expect(attr(e, "dataPagefindIgnore"), tag).toBe("all");
    }
    expect(elements("en/index.html", (e) => attr(e, "dataPagefindBody") !== undefined)).toHaveLength(0);
  });

  it("falls back to the original where a translation is missing, and says so", () => {
    const fallback = readFileSync(join(site, "fr/cases/kenya-solar-training-base/index.html"), "utf8");
    expect(fallback).toContain("pas encore disponible en français");
    expect(fallback).toMatch(/<article class="case" lang="en"/);
    const translated = readFileSync(join(site, "zh/cases/tianjin-thailand-rail-workshop/index.html"), "utf8");
    expect(translated).not.toContain("尚无中文版本");
    expect(translated).toMatch(/<article class="case" data-pagefind-body/);
  });

  it("passes html-validate on every page", async () => {
    const validator = new HtmlValidate({
      extends: ["html-validate:recommended"],
      rules: {
        // hast-util-to-html writes the HTML5 doctype in lower case, which is as valid as upper case.
        "doctype-style": ["error", { style: "lowercase" }],
        // A scrollable table wrapper is a <div role="region"> with a name, the pattern WAI recommends.
        "prefer-native-element": ["error", { exclude: ["region"] }],
        // Titles are the contributors' (up to 200 characters by the schema) plus the casebook's name.
        "long-title": "off",
      },
    });
    const problems: string[] = [];
    for (const file of htmlFiles) {
      const report = await validator.validateString(readFileSync(join(site, file), "utf8"), file);
      for (const result of report.results)
        for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems.slice(0, 30)).toEqual([]);
  });
});
