import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserMissingError, findBrowser } from "../src/browser/find-browser.js";
import { run } from "../src/cli/main.js";
import { readBookIntros } from "../src/print/introduction.js";
import { printCasebook } from "../src/print/print-casebook.js";
import { checkBook, loadModel, squash, titlePages, translate } from "./fixtures/print/book-checks.js";
import { fontsOf, load, readPdf, type ReadPdf } from "./fixtures/print/read-pdf.js";
import { ROOT, runCli } from "./helpers/run-cli.js";
import { removeProjects } from "./helpers/remove-projects.js";

// A casebook of three cases in three sectors (parts), in English and Chinese, on US Letter paper,
// with a long table, a figure, a footnote, a cross-reference to a section and a fallback case.
const FIXTURE = join(import.meta.dirname, "fixtures", "print", "book");
const THEME = join(ROOT, "themes", "default");
const book = loadModel(FIXTURE);
const temp = mkdtempSync(join(tmpdir(), "casebook-print-"));
const out = join(temp, "dist");
const t = translate(THEME, "en");
let en: ReadPdf;
let zh: ReadPdf;
let titles: Map<string, number>;
let build: ReturnType<typeof runCli>;

beforeAll(async () => {
  build = runCli(["build", "--no-cache", "--out", out], FIXTURE, { SOURCE_DATE_EPOCH: "1767225600" });
  expect(build.code, build.stderr).toBe(0);
  en = await readPdf(join(out, "pdf", "casebook.en.pdf"));
  zh = await readPdf(join(out, "pdf", "casebook.zh.pdf"));
  titles = titlePages(en, book, "en", t).pages;
}, 240_000);
afterAll(() => removeProjects([temp]));

const pageText = (pdf: ReadPdf, n: number) => pdf.pages[n - 1]!.text;
const bookmark = (pdf: ReadPdf, title: string, after = 0) => pdf.outline.find((o) => o.title === title && (o.page ?? 0) >= after)?.page;

describe("the print book of a fixture casebook", () => {
  it("passes every general check in both languages", () => {
    expect(checkBook(en, book, "en", t)).toEqual([]);
    expect(checkBook(zh, book, "zh", translate(THEME, "zh"))).toEqual([]);
    expect(build.stdout).toMatch(/Printed 2 books \(en \d+ pages, zh \d+ pages\) into .*pdf\/, and 6 case PDFs/);
    expect(build.stderr).toMatch(/PDF \d+\/8 en: book, pass 2/); // plain progress lines without a terminal
  });

  it("is on US Letter paper, as configured", () => {
    expect(en.pages[0]!.width).toBeCloseTo(612, 0);
    expect(en.pages[0]!.height).toBeCloseTo(792, 0);
  });

  it("opens with a cover and an imprint that says how to cite it", () => {
    const cover = pageText(en, 1);
    for (const text of ["Fixture Casebook", "Three illustrative cases for the print tests", "Edition 1", "Fixture editors", "January 1, 2026"]) expect(cover).toContain(text);
    const imprint = pageText(en, 2);
    for (const text of ["CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", "How to cite this casebook", "Fixture editors (2026). Fixture Casebook (1 ed.). https://fixture.example.org/en/", "illustrative"])
      expect(imprint).toContain(text);
  });

  it("has an outline of the front matter, parts, cases and their sections, and the back matter", () => {
    expect(en.outline.map((o) => `${"  ".repeat(o.depth)}${o.title}`)).toEqual([
      "Contents",
      "Introduction",
      "  How to read it",
      "Part I · Construction",
      "  Case 1 · A welding skills centre in Almaty",
      ...["Context", "The model", "Implementation", "Outcomes", "Lessons and transferability"].map((s) => `    ${s}`),
      "Part II · Renewable energy",
      "  Case 3 · A solar training laboratory in Nairobi",
      ...["Context", "The model", "Implementation", "Outcomes", "Lessons and transferability"].map((s) => `    ${s}`),
      "Part III · Mining and metallurgy",
      "  Case 2 · A mining order class in Lima",
      ...["Context", "The model", "Implementation", "Outcomes", "Lessons and transferability"].map((s) => `    ${s}`),
      "Contributors",
      "Index of countries",
      "Index of models of cooperation",
    ]);
  });

  it("lists everything in its contents, each line a link to the page it names", () => {
    const lines = en.links.filter((l) => l.page === 3 && l.target !== undefined).map((l) => l.text);
    expect(lines.map((l) => l.replace(/ \d+$/, ""))).toEqual([
      "Introduction",
      "Part I · Construction",
      "1 A welding skills centre in Almaty",
      "Part II · Renewable energy",
      "3 A solar training laboratory in Nairobi",
      "Part III · Mining and metallurgy",
      "2 A mining order class in Lima",
      "Contributors",
      "Index of countries",
      "Index of models of cooperation",
    ]);
    for (const link of en.links.filter((l) => l.page === 3 && l.target !== undefined)) expect(link.text).toMatch(new RegExp(` ${link.target}$`));
  });

  it("opens parts and cases on right-hand pages, with blank left-hand pages in between", () => {
    for (const title of ["Introduction", "Part I · Construction", "Part II · Renewable energy", "Part III · Mining and metallurgy", "Contributors", "Index of countries"]) expect(bookmark(en, title)! % 2, title).toBe(1);
    for (const page of titles.values()) expect(page % 2).toBe(1);
    const blank = en.pages.filter((p) => p.text === "");
    expect(blank.length).toBeGreaterThan(0);
    for (const page of blank) expect(page.number % 2, `blank page ${page.number}`).toBe(0);
  });

  it("numbers every page but the cover, the imprint and blank pages, in the outer corner", () => {
    for (const page of en.pages) {
      const folio = page.items.filter((i) => i.y < 60 && /^\d+$/.test(i.str.trim()));
      if (page.number <= 2 || page.text === "") {
        expect(folio, `page ${page.number}`).toEqual([]);
        continue;
      }
      expect(folio.map((i) => i.str.trim()), `page ${page.number}`).toEqual([String(page.number)]);
      expect(folio[0]!.x > page.width / 2, `page ${page.number}`).toBe(page.number % 2 === 1);
    }
  });

  it("runs the casebook's title over left-hand pages and the case's over right-hand ones", () => {
    const first = titles.get("almaty-welding-centre")!;
    const top = (n: number) => en.pages[n - 1]!.items.filter((i) => i.y > en.pages[n - 1]!.height - 60).map((i) => i.str).join(" ").trim();
    expect(top(first + 1)).toBe("Fixture Casebook");
    expect(top(first + 2)).toBe("Case 1 · A welding skills centre in Almaty");
  });

  it("repeats a long table's header on every page and never splits a row", () => {
    const header = en.pages.filter((p) => squash(p.text).includes(squash("Module Hours Material")));
    expect(header.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i <= 45; i++) {
      const name = `Module ${String(i).padStart(2, "0")}: welding practice unit ${i}`;
      const pages = en.pages.filter((p) => p.text.includes(name));
      expect(pages, name).toHaveLength(1);
      expect(squash(pages[0]!.text), name).toContain(squash(`${name} ${20 + i} ${i % 2 ? "Steel" : "Aluminium"}`));
    }
  });

  it("keeps a figure with its caption, and sets the figure's text in the theme's font", async () => {
    const caption = en.pages.filter((p) => p.text.includes("Floor plan of the welding centre: bays on the left"));
    expect(caption).toHaveLength(1);
    expect(caption[0]!.text).toContain("Welding bays"); // the SVG's own text, on the same page
    const fonts = await fontsOf(en.bytes);
    expect(fonts.filter((f) => !f.embedded || f.subtype === "Type3" || !/\+Noto(Sans|Serif)/.test(f.name))).toEqual([]);
  });

  it("refers to other cases and to their sections with the right page, in the text and in the introduction", () => {
    const outcomes = bookmark(en, "Outcomes", titles.get("nairobi-solar-lab"));
    expect(outcomes).toBeGreaterThan(titles.get("nairobi-solar-lab")!); // a section on the case's second page
    const text = (id: string) => squash(pageText(en, titles.get(id)!));
    expect(text("almaty-welding-centre")).toContain(squash(`(see Case 3, p. ${outcomes})`));
    expect(en.links).toContainEqual({ page: titles.get("almaty-welding-centre"), target: outcomes, text: String(outcomes) });
    expect(text("nairobi-solar-lab")).toContain(squash(`(see Case 1, p. ${titles.get("almaty-welding-centre")})`));
    expect(squash(pageText(en, bookmark(en, "Introduction")!))).toContain(squash(`(see Case 1, p. ${titles.get("almaty-welding-centre")})`));
  });

  it("prints the Chinese book in Chinese, a case without a translation in its original language, marked as such", () => {
    const zhTitles = titlePages(zh, book, "zh", translate(THEME, "zh")).pages;
    expect(squash(pageText(zh, 3))).toContain("目录");
    const almaty = squash(pageText(zh, zhTitles.get("almaty-welding-centre")!));
    expect(almaty).toContain(squash("阿拉木图焊接技能中心"));
    expect(almaty).toContain(squash(`（见案例 3，第 ${bookmark(zh, "Outcomes", zhTitles.get("nairobi-solar-lab"))} 页）`));
    const nairobi = squash(pageText(zh, zhTitles.get("nairobi-solar-lab")!));
    expect(nairobi).toContain(squash("本案例尚无中文版本，以下为原文。"));
    expect(nairobi).toContain(squash("A solar training laboratory in Nairobi"));
    expect(zh.language).toBe("zh-CN");
    expect(zh.info["Title"]).toBe("测试案例集 (1 版)");
  });

  it("cuts one PDF per case from the book: the same pages, its bookmarks, links to the website", async () => {
    for (const lang of ["en", "zh"] as const) {
      const pdf = lang === "en" ? en : zh;
      const first = titlePages(pdf, book, lang, translate(THEME, lang)).pages;
      for (const entry of book.cases) {
        const one = await load(new Uint8Array(readFileSync(join(out, "site", lang, "cases", entry.id, `${entry.id}.${lang}.pdf`))));
        const start = first.get(entry.id)!;
        expect(one.pages.map((p) => p.text)).toEqual(pdf.pages.slice(start - 1, start - 1 + one.pages.length).map((p) => p.text));
        // What follows in the book is a blank page or the opening of the next chapter.
        const opens = new Set([...first.values(), ...pdf.outline.filter((o) => o.depth === 0).map((o) => o.page)]);
        const next = pdf.pages[start - 1 + one.pages.length];
        expect(next === undefined || next.text === "" || opens.has(next.number), entry.id).toBe(true);
        expect(one.tagged).toBe(true);
        expect(one.outline.filter((o) => o.depth === 0)).toHaveLength(1);
        expect(one.outline[0]!.page).toBe(1);
      }
    }
    const almaty = await load(new Uint8Array(readFileSync(join(out, "site", "en", "cases", "almaty-welding-centre", "almaty-welding-centre.en.pdf"))));
    expect(almaty.links.map((l) => l.url).filter(Boolean)).toContain("https://fixture.example.org/en/cases/nairobi-solar-lab/#h-outcomes");
    expect(almaty.outline.map((o) => o.title)).toEqual(["Case 1 · A welding skills centre in Almaty", "Context", "The model", "Implementation", "Outcomes", "Lessons and transferability"]);
  });

  it("writes the books beside the site and into it, and the site links to them", () => {
    expect(readdirSync(join(out, "pdf")).sort()).toEqual(["casebook.en.pdf", "casebook.zh.pdf"]);
    expect(readFileSync(join(out, "site", "pdf", "casebook.en.pdf")).equals(readFileSync(join(out, "pdf", "casebook.en.pdf")))).toBe(true);
    const page = readFileSync(join(out, "site", "en", "cases", "lima-mining-school", "index.html"), "utf8");
    expect(page).toContain("/en/cases/lima-mining-school/lima-mining-school.en.pdf");
  });

  it("builds the same PDF twice from the same sources and SOURCE_DATE_EPOCH", () => {
    const again = join(temp, "again");
    expect(runCli(["build", "--no-cache", "--out", again, "--lang", "en"], FIXTURE, { SOURCE_DATE_EPOCH: "1767225600" }).code).toBe(0);
    const a = readFileSync(join(out, "pdf", "casebook.en.pdf"));
    const b = readFileSync(join(again, "pdf", "casebook.en.pdf"));
    expect(b.equals(a)).toBe(true);
    const almaty = join("site", "en", "cases", "almaty-welding-centre", "almaty-welding-centre.en.pdf");
    expect(readFileSync(join(again, almaty)).equals(readFileSync(join(out, almaty)))).toBe(true);
  }, 120_000);
});

describe("progress on a terminal", () => {
  it("draws a bar redrawn in place, and clears it at the end", async () => {
    const err: string[] = [];
    const target = join(temp, "tty");
    const code = await run(["build", "--no-cache", "--out", target, "--lang", "en"], { stdout: () => undefined, stderr: (text) => void err.push(text), env: { ...process.env, NO_COLOR: "1" }, cwd: FIXTURE, isTTY: true });
    expect(code, err.join("")).toBe(0);
    const draws = err.filter((text) => text.startsWith("\r\u001b[2KPDF "));
    expect(draws.length).toBeGreaterThan(3);
    for (const text of draws) {
      expect(text).toMatch(/^\r\u001b\[2KPDF [█░]{28} \d+\/4 en: /);
      expect(text).not.toContain("\n");
    }
    expect(draws.at(-1)).toMatch(/ 4\/4 en: case /);
    expect(err.at(-1)).toBe("\r\u001b[2K");
    expect(existsSync(join(target, "pdf", "casebook.en.pdf"))).toBe(true);
  }, 180_000);
});

describe("a long book, printed in chunks and joined", () => {
  it("is the same book as one printed whole: pages, outline, links, tags and case PDFs", async () => {
    const files = new Map<string, Uint8Array>();
    const summary = await printCasebook(
      { ...book, languages: ["en"] },
      {
        themeDir: THEME,
        buildDate: "2026-01-01T00:00:00Z",
        intros: readBookIntros(FIXTURE),
        bookDir: join(FIXTURE, "book"),
        casesPerChunk: 1, // four chunks for three cases
        output: (pdf) => void files.set(pdf.files[0]!, pdf.bytes),
      },
    );
    // One measuring printing and the final one: filling the numbers into their slots moves nothing.
    expect(summary.books).toEqual([{ lang: "en", pages: en.pages.length, passes: 2 }]);
    const joined = await load(files.get("pdf/casebook.en.pdf")!);
    expect(joined.pages.map((p) => p.text)).toEqual(en.pages.map((p) => p.text));
    expect(joined.outline).toEqual(en.outline);
    expect(joined.links).toEqual(en.links);
    expect(joined.tagged).toBe(true);
    expect(checkBook(joined, book, "en", t)).toEqual([]);
    const fonts = await fontsOf(joined.bytes);
    expect(new Set(fonts.map((f) => f.name)).size).toBe(fonts.length); // each chunk's subsets have their own tags
    // Table cells name their header cells: every name is an element's, and no two elements share one.
    const text = Buffer.from(joined.bytes).toString("latin1");
    const ids = [...text.matchAll(/\/ID (\([^)]*\))/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    const headers = [...text.matchAll(/\/Headers \[([^\]]*)\]/g)].flatMap((m) => m[1]!.match(/\([^)]*\)/g) ?? []);
    expect(headers.length).toBeGreaterThan(0);
    for (const name of headers) expect(ids).toContain(name);
    const almaty = "site/en/cases/almaty-welding-centre/almaty-welding-centre.en.pdf";
    const one = await load(files.get(almaty)!);
    const whole = await load(new Uint8Array(readFileSync(join(out, almaty))));
    expect(one.pages.map((p) => p.text)).toEqual(whole.pages.map((p) => p.text));
    expect(one.outline).toEqual(whole.outline);
  }, 180_000);
});

describe("when printing fails", () => {
  it("says so clearly and leaves the previous output as it was", () => {
    const previous = join(temp, "previous");
    expect(runCli(["build", "--no-pdf", "--no-cache", "--out", previous], FIXTURE).code).toBe(0);
    expect(existsSync(join(previous, "pdf"))).toBe(false);
    expect(readFileSync(join(previous, "site", "en", "cases", "lima-mining-school", "index.html"), "utf8")).not.toContain(".pdf");
    const before = readdirSync(previous, { recursive: true }).sort();
    const run = runCli(["build", "--no-cache", "--out", previous], FIXTURE, { CASEBOOK_CHROMIUM: "/bin/false" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/casebook: Chromium could not be started/);
    expect(run.stderr).toMatch(/hint: .*CASEBOOK_CHROMIUM/);
    expect(run.stderr).toMatch(/nothing was written; .* is unchanged/);
    expect(readdirSync(previous, { recursive: true }).sort()).toEqual(before);
    expect(readdirSync(temp).filter((n) => n.startsWith(".previous"))).toEqual([]);
  }, 120_000);

  it("says so when the browser it was told to use does not exist, rather than using another", () => {
    const target = join(temp, "no-browser");
    const run = runCli(["build", "--no-cache", "--out", target, "--lang", "en"], FIXTURE, { CASEBOOK_CHROMIUM: join(temp, "no-such-chromium") });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`casebook: CASEBOOK_CHROMIUM names ${join(temp, "no-such-chromium")}, which does not exist`);
    expect(run.stderr).toMatch(/hint: Install one: .*apt-get install -y chromium/);
    expect(run.stderr).toMatch(/nothing was written; .* is unchanged/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(temp).filter((n) => n.startsWith(".no-browser"))).toEqual([]);
  });

  it("says Chromium stopped when it crashes while printing, and writes nothing (no temporary files either)", async () => {
    // A "browser" that starts the real Chromium and kills it once the build says it is loading the
    // book: the test writes `marker` when that progress line appears (a kill after a fixed delay
    // raced a book that prints in a couple of seconds).
    const dir = join(temp, "crashing");
    const own = join(dir, "tmp");
    mkdirSync(own, { recursive: true });
    const wrapper = join(dir, "chromium");
    const marker = join(dir, "loading");
    writeFileSync(
      wrapper,
      [
        "#!/bin/bash",
        `log=${JSON.stringify(join(dir, "stderr.log"))}`,
        `${JSON.stringify(await findBrowser())} "$@" 2>"$log" &`,
        "pid=$!",
        'until grep -q "DevTools listening" "$log" 2>/dev/null; do kill -0 "$pid" 2>/dev/null || exit 1; sleep 0.05; done',
        'cat "$log" >&2',
        `until [ -e ${JSON.stringify(marker)} ]; do kill -0 "$pid" 2>/dev/null || exit 1; sleep 0.02; done`,
        'kill -9 "$pid"',
        'wait "$pid"',
        "exit 1",
        "",
      ].join("\n"),
    );
    chmodSync(wrapper, 0o755);
    const target = join(dir, "dist");
    const err: string[] = [];
    // The browser and its temporary profile come from the environment of the process that prints.
    const saved = { TMPDIR: process.env["TMPDIR"], CASEBOOK_CHROMIUM: process.env["CASEBOOK_CHROMIUM"] };
    Object.assign(process.env, { TMPDIR: own, CASEBOOK_CHROMIUM: wrapper });
    let code: number;
    try {
      code = await run(["build", "--no-cache", "--out", target, "--lang", "en"], {
        stdout: () => undefined,
        stderr: (text) => {
          err.push(text);
          if (text.includes("en: book, loading")) writeFileSync(marker, "");
        },
        env: { ...process.env, NO_COLOR: "1" },
        cwd: FIXTURE,
        isTTY: false,
      });
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    const stderr = err.join("");
    expect(existsSync(marker), stderr).toBe(true);
    expect(code, stderr).toBe(1);
    expect(stderr).toMatch(/casebook: Chromium stopped while printing the en casebook \(it crashed or was killed\)/);
    expect(stderr).toMatch(/hint: .*CASEBOOK_CHROMIUM/);
    expect(stderr).toMatch(/nothing was written; .* is unchanged/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(["chromium", "loading", "stderr.log", "tmp"]);
    // Casebook's own temporary profile is gone (Chromium killed with -9 may leave its own folder).
    expect(readdirSync(own).filter((n) => n.startsWith("casebook-"))).toEqual([]);
  }, 120_000);

  it("reports a missing browser as such, before printing anything", async () => {
    const written: string[] = [];
    const run = printCasebook(book, {
      themeDir: THEME,
      buildDate: "2026-01-01T00:00:00Z",
      intros: {},
      output: (pdf) => void written.push(...pdf.files),
      launch: () => Promise.reject(new BrowserMissingError()),
    });
    await expect(run).rejects.toBeInstanceOf(BrowserMissingError);
    expect(written).toEqual([]);
  });
});
