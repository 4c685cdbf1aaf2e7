import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { launchBrowser } from "../src/browser/launch-browser.js";
import { printToPdf } from "../src/print/print-pdf.js";
import { BOOK_URL } from "../src/print/print-context.js";
import { serveBook } from "../src/print/print-server.js";
import { parseFontFaces } from "../src/print/svg-fonts.js";
import { fontFaces } from "../src/site/font-faces.js";
import { loadModel } from "./fixtures/print/book-checks.js";
import { fontsOf, load } from "./fixtures/print/read-pdf.js";
import { ROOT } from "./helpers/run-cli.js";

const IMAGES = join(import.meta.dirname, "fixtures", "print", "svg-images");
const TEXTS = ["Apprentices admitted 2024", "Welders trained by June"];

/**
 * Issue 5, "Reproducible": the text of SVG images is printed in the book's fonts, and each image
 * always in typefaces of its own, so that the PDF's font subsets do not depend on when Chromium
 * loaded the images. Loading the images one after the other is the case where Chromium would hand the
 * second image the first one's typeface if their font URLs were the same; loading them together, each
 * would get its own.
 */
describe("SVG images in print", () => {
  it("print their text in the book's sans-serif, with a font subset of their own per image however they load", async () => {
    const fonts = fontFaces(join(ROOT, "themes", "default"), "/fonts");
    const files = { book: loadModel(join(import.meta.dirname, "fixtures", "print", "book")), printCss: "", fonts: fonts.files, faces: parseFontFaces(fonts.css), bookDir: IMAGES };
    const html = '<!doctype html><html lang="en"><head><style>@page { size: A4; margin: 20mm } img { display: block }</style></head><body></body></html>';
    const { browser, close } = await launchBrowser();
    try {
      const subsets: number[] = [];
      for (const together of [false, true]) {
        const tab = await browser.newPage();
        await serveBook(tab, files, (path) => (path === "/images.html" ? html : undefined));
        await tab.goto(`${BOOK_URL}/images.html`, { waitUntil: "load" });
        const sources = ["/book/intake.svg", "/book/outcomes.svg"];
        for (const batch of together ? [sources] : sources.map((s) => [s]))
          await tab.evaluate(async (batch: string[]) => {
            const win = globalThis as unknown as { document: { createElement(tag: "img"): { src: string; decode(): Promise<void> }; body: { append(node: unknown): void } }; requestAnimationFrame(callback: () => void): void };
            const images = batch.map((src) => {
              const img = win.document.createElement("img");
              img.src = src;
              win.document.body.append(img);
              return img;
            });
            await Promise.all(images.map((img) => img.decode()));
            // Two frames, so that each image has been laid out and painted (and its fonts loaded).
            await new Promise<void>((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));
          }, batch);
        const bytes = await printToPdf(tab, false);
        await tab.close();
        const pdf = await load(bytes);
        expect(pdf.pages.map((p) => p.text).join(" ")).toContain(TEXTS[0]);
        expect(pdf.pages.map((p) => p.text).join(" ")).toContain(TEXTS[1]);
        const faces = await fontsOf(bytes);
        expect(faces.every((f) => f.embedded)).toBe(true);
        expect(faces.map((f) => f.name).filter((n) => !/^[A-Z]{6}\+NotoSans-Regular$/.test(n)), "fonts other than the book's sans-serif").toEqual([]);
        subsets.push(faces.length);
      }
      expect(subsets, "NotoSans-Regular subsets, images loaded one after the other, then together").toEqual([2, 2]);
    } finally {
      await close();
    }
  }, 120_000);
});
