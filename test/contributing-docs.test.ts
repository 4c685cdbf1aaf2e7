import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openProject } from "../src/build/open-project.js";
import { RULES } from "../src/diagnostics/rules.js";
import { CONTRIBUTING_FILES, DOC_LANGUAGES } from "../src/docs/doc-language.js";
import { FIELD_NOTES } from "../src/docs/field-notes.js";
import { fieldPaths } from "../src/docs/field-reference.js";
import { fillRegions } from "../src/docs/generated-regions.js";
import { renderContributing } from "../src/docs/render-contributing.js";
import { ROOT, runCli } from "./helpers/run-cli.js";
import { removeProjects } from "./helpers/remove-projects.js";

const { vocabularies } = openProject({ cwd: ROOT });
const temp: string[] = [];
afterAll(() => removeProjects(temp));

describe("the contributor guides", () => {
  for (const lang of DOC_LANGUAGES) {
    const file = CONTRIBUTING_FILES[lang];
    it(`${file} has the tables of the current schema, vocabularies and rules`, () => {
      const committed = readFileSync(join(ROOT, file), "utf8");
      const current = renderContributing(committed, lang, vocabularies, file);
      expect(committed, `${file} is out of date with the schema: run \`npm run docs\` and commit the result`).toBe(current);
    });

    it(`${file} documents every field, vocabulary term and rule`, () => {
      const text = readFileSync(join(ROOT, file), "utf8");
      for (const path of fieldPaths(vocabularies)) expect(text, path).toContain(`| \`${path}\` |`);
      for (const terms of Object.values(vocabularies)) for (const term of terms) expect(text, term.id).toContain(`| \`${term.id}\` |`);
      for (const id of Object.keys(RULES)) expect(text, id).toContain(`| \`${id}\` |`);
      for (const command of ["casebook new", "casebook check", "--translate", "casebook stamp", "casebook status", "npm run docs"])
        expect(text, command).toContain(command);
      // Every in-page link lands on an anchor.
      for (const [, anchor] of text.matchAll(/\]\(#([^)]+)\)/g)) expect(text, anchor).toContain(`<a id="${anchor}"></a>`);
    });
  }

  it("has a note in English and Chinese for every field of the schema, and none for a field that is gone", () => {
    const paths = fieldPaths(vocabularies);
    for (const path of paths) {
      expect(FIELD_NOTES[path]?.en, `${path}: add its note to src/docs/field-notes.ts`).toBeTruthy();
      expect(FIELD_NOTES[path]?.zh, `${path}: add its note to src/docs/field-notes.ts`).toBeTruthy();
    }
    expect(Object.keys(FIELD_NOTES).filter((p) => !paths.includes(p))).toEqual([]);
  });

  it("keeps the text around the regions and refuses a file without them", () => {
    const text = "Intro\n\n<!-- generated:a -->\nold\n<!-- /generated -->\n\nOutro\n";
    expect(fillRegions(text, () => "new", ["a"], "X.md")).toBe("Intro\n\n<!-- generated:a -->\nnew\n<!-- /generated -->\n\nOutro\n");
    expect(() => fillRegions("Intro\n", () => "new", ["a"], "X.md")).toThrow(/X\.md must contain the region <!-- generated:a -->/);
    expect(() => fillRegions("<!-- generated:a -->\nold\n", () => "new", ["a"], "X.md")).toThrow(/without its closing/);
    expect(() => fillRegions(text, () => undefined, [], "X.md")).toThrow(/unknown generated region "a"/);
  });

  it("`casebook docs --check` passes on the repository, and fails with the command to run when a table is stale", () => {
    expect(runCli(["docs", "--check"], ROOT)).toMatchObject({ code: 0, stdout: "", stderr: "" });
    const dir = mkdtempSync(join(tmpdir(), "casebook-docs-"));
    temp.push(dir);
    for (const file of Object.values(CONTRIBUTING_FILES)) cpSync(join(ROOT, file), join(dir, file));
    const en = join(dir, "CONTRIBUTING.md");
    writeFileSync(en, readFileSync(en, "utf8").replace("| `title` | yes |", "| `title` | no |"));
    const check = runCli(["docs", "--check"], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("CONTRIBUTING.md is out of date with the schema");
    expect(check.stderr).toContain("run `npm run docs`");
    expect(runCli(["docs"], dir)).toMatchObject({ code: 0, stdout: "Updated CONTRIBUTING.md.\n" });
    expect(readFileSync(en, "utf8")).toBe(readFileSync(join(ROOT, "CONTRIBUTING.md"), "utf8"));
  });
});
