import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { launchBrowser } from "../src/browser/launch-browser.js";
import { BOOK_URL } from "../src/print/print-context.js";
import { serveBook } from "../src/print/print-server.js";
import { parseFontFaces } from "../src/print/svg-fonts.js";
import { fontFaces } from "../src/site/font-faces.js";
import { loadModel } from "./fixtures/print/book-checks.js";
import { ROOT } from "./helpers/run-cli.js";

const IMAGES = join(import.meta.dirname, "fixtures", "print", "svg-images");

/**
 * The print tab gets its documents, fonts and images from Casebook itself and nothing else: a book
 * whose Markdown or CSS points elsewhere prints without it rather than reaching the network or a file
 * outside what the book lists.
 */
describe("the print server", () => {
  it("serves the document whole, the book's files, and refuses every other request", async () => {
    const fonts = fontFaces(join(ROOT, "themes", "default"), "/fonts");
    const files = { book: loadModel(join(import.meta.dirname, "fixtures", "print", "book")), printCss: "p { color: rgb(1, 2, 3) }", fonts: fonts.files, faces: parseFontFaces(fonts.css), bookDir: IMAGES };
    const font = [...fonts.files.keys()].find((name) => name.endsWith(".woff2"))!;
    const sources = {
      served: "/book/intake.svg",
      outside: "https://example.org/chart.png",
      unknownPath: "/etc/passwd.png",
      unlistedMedia: "/media/no-such-case/figure.png",
      escaping: "/book/../../package.json.png",
    };
    // Text in three scripts: the body is UTF-8, and its length is counted in bytes.
    const html = `<!doctype html><html lang="en"><head><link rel="stylesheet" href="/print.css"></head><body><p id="end">职业教育 · профессиональное · fin</p>${Object.entries(sources)
      .map(([id, src]) => `<img id="${id}" src="${src}">`)
      .join("")}</body></html>`;
    const { browser, close } = await launchBrowser();
    try {
      const tab = await browser.newPage();
      await serveBook(tab, files, (path) => (path === "/page.html" ? html : undefined));
      await tab.goto(`${BOOK_URL}/page.html`, { waitUntil: "load" });
      const seen = await tab.evaluate(async (fontUrl: string) => {
        const doc = (globalThis as unknown as { document: { getElementById(id: string): { textContent: string; naturalWidth: number } | null; querySelectorAll(s: string): ArrayLike<{ id: string; naturalWidth: number }> } }).document;
        const style = (globalThis as unknown as { getComputedStyle(el: unknown): { color: string } }).getComputedStyle(doc.getElementById("end"));
        const fontStatus = await fetch(fontUrl).then((r) => `${r.status} ${r.headers.get("content-type")}`, () => "refused");
        const missing = await fetch("/fonts/no-such-font.woff2").then((r) => String(r.status), () => "refused");
        return {
          text: doc.getElementById("end")?.textContent,
          color: style.color,
          images: Object.fromEntries(Array.from(doc.querySelectorAll("img")).map((img) => [img.id, img.naturalWidth > 0])),
          fontStatus,
          missing,
        };
      }, `/fonts/${font}`);
      expect(seen.text).toBe("职业教育 · профессиональное · fin");
      expect(seen.color).toBe("rgb(1, 2, 3)");
      expect(seen.fontStatus).toBe("200 font/woff2");
      expect(seen.missing).toBe("refused");
      expect(seen.images).toEqual({ served: true, outside: false, unknownPath: false, unlistedMedia: false, escaping: false });
    } finally {
      await close();
    }
  }, 120_000);
});
