import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeHostileCasebook, type HostileCase } from "./fixtures/hostile/hostile-casebook.js";
import { readPdf } from "./fixtures/print/read-pdf.js";
import { runCli } from "./helpers/run-cli.js";
import { siteFiles } from "./helpers/site-files.js";
import { removeProjects } from "./helpers/remove-projects.js";

/**
 * Issue 5, hostile content in print: the payloads of fixtures/hostile/payloads.ts, packed into a few
 * English cases, printed to PDF by the real build. The PDFs hold the hostile strings as text, and no
 * JavaScript, launch or form action, and no link but http(s), mailto and the book's own pages.
 */
const dir = mkdtempSync(join(tmpdir(), "casebook-hostile-pdf-"));
const out = join(dir, "dist");
let cases: HostileCase[] = [];
let pdfs: string[] = [];

beforeAll(() => {
  cases = writeHostileCasebook(dir, { perCase: 40, languages: ["en"] });
  const run = runCli(["build", "--out", out], dir, { SOURCE_DATE_EPOCH: "1767225600" });
  if (run.code !== 0) throw new Error(`the hostile casebook did not print:\n${run.stderr.slice(0, 4000)}`);
  pdfs = siteFiles(out).filter((f) => f.endsWith(".pdf"));
}, 300_000);
afterAll(() => removeProjects([dir]));

const ACTIVE = /\/(JavaScript|JS|Launch|SubmitForm|ImportData|ResetForm|RichMedia|EmbeddedFile|EmbeddedFiles|AcroForm|XFA|GoToR|GoToE)\b/;

describe("PDFs of hostile cases", () => {
  it("are printed: the book and one per case", () => {
    expect(pdfs).toContain("pdf/casebook.en.pdf");
    expect(pdfs.filter((f) => f.startsWith("site/en/cases/")).length).toBe(cases.length);
  });

  it("hold no JavaScript, launch, form or embedded-file action", () => {
    for (const file of pdfs) expect(Buffer.from(readFileSync(join(out, file))).toString("latin1").match(ACTIVE)?.[0], file).toBeUndefined();
  });

  it("link only to http(s), mailto or their own pages", async () => {
    for (const file of pdfs) {
      const pdf = await readPdf(join(out, file));
      for (const link of pdf.links) if (link.url !== undefined) expect(link.url, file).toMatch(/^(https?:|mailto:)/);
    }
  });

  it("print each case's title, partner and author names as text, markup and all", async () => {
    const book = await readPdf(join(out, "pdf/casebook.en.pdf"));
    const text = book.pages.map((p) => p.text).join(" ").replace(/\s+/g, "");
    // The first characters of each string (white space aside: the PDF text layer breaks lines).
    const start = (s: string, n: number) => s.replace(/[\u0000-\u001f]/g, "").replace(/\s+/g, "").slice(0, n);
    const missing: string[] = [];
    for (const c of cases) {
      if (!text.includes(start(c.fields["title"]![0]!, 24))) missing.push(`${c.id} title ${c.fields["title"]![0]}`);
      for (const field of ["partner", "author"])
        for (const value of c.fields[field] ?? []) if (!text.includes(start(value, 12))) missing.push(`${c.id} ${field} ${JSON.stringify(value)}`);
    }
    expect(missing).toEqual([]);
    // Hostile strings did reach the PDF: markup is printed, not interpreted.
    expect(text).toContain("<script>alert(1)</script>");
  });
});
