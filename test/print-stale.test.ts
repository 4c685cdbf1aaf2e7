import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { load } from "./fixtures/print/read-pdf.js";
import { projectAt } from "./helpers/release-history.js";
import { runCli } from "./helpers/run-cli.js";
import { removeProjects } from "./helpers/remove-projects.js";

const temp: string[] = [];
afterAll(() => removeProjects(temp));

const EN = "cases/alpha-welding/en.md";
const STALE_FR = "Cette traduction n'est peut-être plus à jour";
const text = async (file: string) => (await load(new Uint8Array(readFileSync(file)))).pages.map((p) => p.text).join("\n");

describe("a possibly outdated translation in print", () => {
  it("is marked in the French book and in its case PDF once the original changes, and only then", async () => {
    const dir = projectAt("2024");
    temp.push(dir);
    const build = () => expect(runCli(["build", "--lang", "fr"], dir, { SOURCE_DATE_EPOCH: "1704067200" })).toMatchObject({ code: 0 });
    const book = join(dir, "dist", "pdf", "casebook.fr.pdf");
    const casePdf = join(dir, "dist", "site", "fr", "cases", "alpha-welding", "alpha-welding.fr.pdf");

    build();
    expect(await text(book)).not.toContain(STALE_FR);

    writeFileSync(join(dir, EN), readFileSync(join(dir, EN), "utf8").replace("An illustrative fixture for the edition tests.", "An illustrative fixture, revised."));
    build();
    const bookText = await text(book);
    expect(bookText).toContain(STALE_FR);
    // Only the one stale translation carries the note.
    expect(bookText.split(STALE_FR).length - 1).toBe(1);
    expect(await text(casePdf)).toContain(STALE_FR);
  }, 300_000);
});
