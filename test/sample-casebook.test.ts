import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkCasebook } from "../src/build/check-casebook.js";
import { openProject } from "../src/build/open-project.js";
import { runCli } from "./helpers/run-cli.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { casebook, diagnostics } = checkCasebook(openProject({ cwd: ROOT }));
const originals = casebook.files.filter((f) => f.original);
const translations = casebook.files.filter((f) => f.translation);

/** Words of a body: CJK characters count as words, as word processors do. */
function words(text: string): number {
  const cjk = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  return cjk + (text.replace(/[\u3400-\u9fff]/g, " ").match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0);
}

describe("the sample casebook", () => {
  it("passes check silently, warnings included", () => {
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.reason}`)).toEqual([]);
    expect(runCli(["check", "--strict"], ROOT)).toMatchObject({ code: 0, stdout: "", stderr: "" });
  });

  it("has at least 24 cases of 600–1,500 words with every recommended section", () => {
    expect(originals.length).toBeGreaterThanOrEqual(24);
    for (const file of originals) {
      const count = words(file.body ?? "");
      expect(count, file.ref.display).toBeGreaterThanOrEqual(600);
      expect(count, file.ref.display).toBeLessThanOrEqual(1500);
    }
  });

  it("covers the forum's countries, every model type and both directions", () => {
    const countries = new Set(originals.flatMap((f) => f.original!.countries));
    for (const code of ["CN", "US", "GB", "RU", "FR", "MN", "JP", "MY", "ID"]) expect(countries, code).toContain(code);
    const models = new Set(originals.flatMap((f) => f.original!.models));
    const vocabulary = openProject({ cwd: ROOT }).vocabularies;
    for (const term of vocabulary.modelTypes) expect(models, term.id).toContain(term.id);
    const directions = new Set(originals.map((f) => f.original!.direction));
    expect(directions).toContain("bring-in");
    expect(directions).toContain("go-global");
  });

  it("has translations: at least 6 cases, Chinese, French and Russian at least twice each", () => {
    expect(new Set(translations.map((f) => f.ref.id)).size).toBeGreaterThanOrEqual(6);
    for (const lang of ["zh", "fr", "ru"]) expect(translations.filter((f) => f.ref.lang === lang).length, lang).toBeGreaterThanOrEqual(2);
  });

  it("says plainly in every file that the case is illustrative, with outcomes as figures", () => {
    const notice = /illustrative|示例|说明性|虚构|illustratif|fictif|иллюстратив|вымышлен/i;
    for (const file of casebook.files) {
      const firstBlock = (file.body ?? "").trim().split("\n\n")[0] ?? "";
      expect(firstBlock, file.ref.display).toMatch(/^>/);
      expect(firstBlock, file.ref.display).toMatch(notice);
    }
    for (const file of originals) expect(file.original!.outcomes?.length ?? 0, file.ref.display).toBeGreaterThan(0);
  });
});
