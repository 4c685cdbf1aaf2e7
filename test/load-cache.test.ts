import { appendFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatedProject } from "./helpers/generated-project.js";
import { ROOT, runCli } from "./helpers/run-cli.js";
import { loadVocabularies } from "../schema/vocabularies.js";
import { LoadCache } from "../src/cache/load-cache.js";
import { loadCases } from "../src/build/load-cases.js";
import { loadCasebook } from "../src/load/load-casebook.js";
import { validateCasebook } from "../src/validate/validate-casebook.js";
import { removeProjects } from "./helpers/remove-projects.js";

// `casebook build` keeps each clean case file as loaded and validated (src/cache/load-cache.ts), so
// that a build after a one-case edit does not parse and validate the other cases again. The rules
// that look across files still run on the kept files, with exact places in them.

const ENV = { SOURCE_DATE_EPOCH: "1790000000" };
let project: string;
let ids: string[];
afterAll(() => removeProjects([project]));

/** Builds, and returns the diagnostics it printed. */
function build(...args: string[]): string {
  const run = runCli(["build", "--no-pdf", ...args], project, ENV);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^Built \d+ cases/m);
  return run.stderr;
}

const records = () => readdirSync(join(project, ".casebook-cache", "loaded")).filter((name) => !name.endsWith(".tmp"));

describe("the load cache", () => {
  beforeAll(() => {
    ({ dir: project, ids } = generatedProject("load-cache", 10, 5));
    // Warnings that rules across files find in otherwise clean files (so those files are kept):
    // a recommended section missing (a place in the body) and an outcome measured long before the
    // case's period (a place in the YAML, which a kept file no longer has parsed).
    const noSection = join(project, "cases", ids[1]!, "en.md");
    writeFileSync(noSection, readFileSync(noSection, "utf8").replace(/^## Context$/m, "## Background"));
    const oldOutcome = join(project, "cases", ids[2]!, "en.md");
    writeFileSync(oldOutcome, readFileSync(oldOutcome, "utf8").replace(/^(\s+year: )\d{4}$/m, "$11990"));
    // And a file with a warning of its own (loaded again every time).
    const crlf = join(project, "cases", ids[3]!, "en.md");
    writeFileSync(crlf, readFileSync(crlf, "utf8").replace(/\n/g, "\r\n"));
  });

  it("reports the same diagnostics, with the same places, as a build that loads everything", () => {
    const first = build();
    expect(first).toContain("section-missing");
    expect(first).toContain("outcome-year");
    expect(first).toContain("file-line-endings");
    expect(first).not.toMatch(/\berror\b/);
    expect(records().length).toBe(ids.length);

    appendFileSync(join(project, "cases", ids[6]!, "en.md"), "\nA sentence added after the first build.\n");
    const cached = build();
    const fresh = build("--no-cache", "--out", "fresh");
    expect(cached).toBe(fresh);
    // The edited case's record was made again and the old one dropped.
    expect(records().length).toBe(ids.length);
  });

  it("reads a kept file again when its text is not the one recorded", async () => {
    // A file changed between the fingerprint and the load keeps its folder's old hash for this
    // build: the record says which text it was made from, so the new text is loaded, not the record.
    const vocabularies = loadVocabularies(join(ROOT, "schema", "vocabularies"));
    const casesDir = join(project, "cases");
    const dir = join(project, "loads-test");
    const folders = new Map(ids.map((id) => [id, "the same hash"]));
    const options = (loads: LoadCache) => ({ vocabularies, currentYear: 2026, cache: { loads, folders } });
    const first = new LoadCache(dir, "shared");
    loadCases(casesDir, project, options(first));
    await first.flush();
    const file = join(casesDir, ids[4]!, "en.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^## Context$/m, "## Changed after the fingerprint"));
    // The other files come from their records (the same objects' data, not loaded again).
    const next = new LoadCache(dir, "shared");
    expect(next.get(ids[0]!, "the same hash")?.files.length).toBeGreaterThan(0);
    const again = loadCases(casesDir, project, options(next));
    const plain = loadCasebook(casesDir, project);
    const expected = validateCasebook(plain, { vocabularies, currentYear: 2026 });
    expect(again.loaded.files.find((f) => f.ref.path === file)?.body).toContain("## Changed after the fingerprint");
    expect(again.validated.diagnostics).toEqual(expected.diagnostics);
    expect(again.validated.diagnostics.some((d) => d.file?.endsWith(join(ids[4]!, "en.md")) && d.ruleId === "section-missing")).toBe(true);
  });
});
