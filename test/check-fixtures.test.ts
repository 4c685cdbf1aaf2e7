import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCasebook } from "../src/build/check-casebook.js";
import { openProject } from "../src/build/open-project.js";

// One folder per rule under test/fixtures/check/<name>/, with a `cases/` folder and, beside it,
// `expected.txt`: one line per diagnostic, `severity rule-id file:line:col`. UPDATE=1 rewrites them.
const FIXTURES = join(import.meta.dirname, "fixtures", "check");
const fixtures = readdirSync(FIXTURES).sort();

function summarize(cwd: string): string {
  const project = openProject({ cwd });
  const { diagnostics } = checkCasebook(project);
  return diagnostics
    .map((d) => `${d.fatal ? "error" : "warning"} ${d.ruleId} ${d.file}:${d.line}:${d.column}`)
    .join("\n")
    .concat(diagnostics.length ? "\n" : "");
}

describe("check fixtures", () => {
  it("has at least 30 bad-input fixtures", () => {
    expect(fixtures.filter((f) => f !== "clean").length).toBeGreaterThanOrEqual(30);
  });

  for (const name of fixtures) {
    it(name, () => {
      const dir = join(FIXTURES, name);
      const actual = summarize(dir);
      const expectedFile = join(dir, "expected.txt");
      if (process.env["UPDATE"] === "1" || !existsSync(expectedFile)) writeFileSync(expectedFile, actual);
      expect(actual).toBe(readFileSync(expectedFile, "utf8"));
      // A fixture named after a rule must actually trigger that rule.
      if (name !== "clean") expect(actual).toContain(` ${name} `);
      else expect(actual).toBe("");
    });
  }
});
