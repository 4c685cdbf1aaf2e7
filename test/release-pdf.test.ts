import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { manifestSchema } from "../src/release/manifest-schema.js";
import { readPdf } from "./fixtures/print/read-pdf.js";
import { projectAt, release } from "./helpers/release-history.js";
import { removeProjects } from "./helpers/remove-projects.js";

const temp: string[] = [];
afterAll(() => removeProjects(temp));

describe("casebook release with PDFs", () => {
  it("prints the books and case PDFs into the edition, lists them with checksums, and names the edition on the cover and imprint", async () => {
    const dir = projectAt("2024");
    temp.push(dir);
    const run = release(dir, "2024", []);
    expect(run, run.stderr).toMatchObject({ code: 0 });
    // Progress while printing, as `build` shows it: without a terminal, plain lines (no bar redrawn with \r).
    expect(run.stderr).toMatch(/^PDF \d+\/\d+ en: book, pass 1$/m);
    expect(run.stderr).toMatch(/^PDF \d+\/\d+ fr: case PDFs$/m);
    expect(run.stderr).not.toContain("\r");
    const edition = join(dir, "dist", "releases", "2024");
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(edition, "manifest.json"), "utf8")));
    const pdfs = manifest.artifacts.filter((a) => a.path.endsWith(".pdf")).map((a) => a.path);
    expect(pdfs).toEqual(expect.arrayContaining(["pdf/casebook.en.pdf", "pdf/casebook.fr.pdf", "site/en/cases/alpha-welding/alpha-welding.en.pdf"]));
    for (const path of pdfs) {
      const artifact = manifest.artifacts.find((a) => a.path === path)!;
      expect(createHash("sha256").update(readFileSync(join(edition, path))).digest("hex"), path).toBe(artifact.sha256);
    }
    const book = await readPdf(join(edition, "pdf", "casebook.en.pdf"));
    expect(book.pages[0]!.text).toContain("Edition 2024");
    expect(book.pages.slice(0, 4).some((p) => p.text.includes("(2024 ed.)"))).toBe(true);
    const page = readFileSync(join(edition, "site", "en", "cases", "alpha-welding", "index.html"), "utf8");
    expect(page).toContain('href="/en/cases/alpha-welding/alpha-welding.en.pdf"');
  }, 300_000);
});
