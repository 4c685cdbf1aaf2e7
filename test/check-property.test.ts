import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { checkCasebook } from "../src/build/check-casebook.js";
import { openProject } from "../src/build/open-project.js";
import { isRuleId } from "../src/diagnostics/rules.js";
import { removeProjects } from "./helpers/remove-projects.js";

const dir = mkdtempSync(join(tmpdir(), "casebook-prop-"));
mkdirSync(join(dir, "cases", "fuzz-case"), { recursive: true });
const file = join(dir, "cases", "fuzz-case", "en.md");
afterAll(() => removeProjects([dir]));

/** Runs check on one file's bytes and asserts the contract: no throw, well-formed diagnostics. */
function checkBytes(bytes: Uint8Array | string): void {
  writeFileSync(file, bytes);
  const project = openProject({ cwd: dir });
  const { diagnostics } = checkCasebook(project);
  expect(Array.isArray(diagnostics)).toBe(true);
  for (const d of diagnostics) {
    expect(isRuleId(d.ruleId ?? "")).toBe(true);
    expect(d.file).toBe("cases/fuzz-case/en.md");
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.reason.length).toBeGreaterThan(0);
  }
}

const yamlFragment = fc.oneof(
  fc.constantFrom("title", "summary", "countries", "models", "period", "start", "outcomes", "- ", ": ", "[", "]", "{", "}", "&a", "*a", "!!str", "'", '"', "#", "\t", "|", ">-", "yes", "NO", "2025-10-30", "---", "..."),
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
);
const yamlText = fc.array(fc.array(yamlFragment, { maxLength: 6 }).map((parts) => parts.join("")), { maxLength: 12 }).map((lines) => lines.join("\n"));
const markdownText = fc.array(
  fc.oneof(
    fc.constantFrom("## Context", "![", "](", "case:", "images/", "../", "<script>", "```", "| a | b |", "[^1]", "\n", "> ", "* "),
    fc.string({ maxLength: 20 }),
  ),
  { maxLength: 20 },
).map((parts) => parts.join(""));

describe("check never throws", () => {
  it("on arbitrary bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => checkBytes(bytes)), { numRuns: 150 });
  });

  it("on arbitrary frontmatter and Markdown", () => {
    fc.assert(
      fc.property(yamlText, markdownText, (yaml, markdown) => checkBytes(`---\n${yaml}\n---\n${markdown}`)),
      { numRuns: 250 },
    );
  });

  it("reports at least one diagnostic for frontmatter that is not a case", () => {
    fc.assert(
      fc.property(yamlText, (yaml) => {
        writeFileSync(file, `---\n${yaml}\n---\n`);
        expect(checkCasebook(openProject({ cwd: dir })).diagnostics.length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });
});
