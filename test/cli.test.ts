import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";
import { removeProjects } from "./helpers/remove-projects.js";

const FIXTURES = join(import.meta.dirname, "fixtures", "check");
const GOLDEN = join(import.meta.dirname, "fixtures", "golden");
const temp: string[] = [];
function scratch(from?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "casebook-cli-"));
  temp.push(dir);
  if (from) cpSync(from, dir, { recursive: true });
  return dir;
}
afterAll(() => removeProjects(temp));

/** Golden files: UPDATE=1 rewrites them. */
function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env["UPDATE"] === "1" || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe("casebook check (the real binary)", () => {
  it("exits 0 and prints nothing on a clean casebook", () => {
    const run = runCli(["check"], join(FIXTURES, "clean"));
    expect(run).toMatchObject({ code: 0, stdout: "", stderr: "" });
  });

  it("exits 1 with pretty diagnostics, code frames and hints", () => {
    const run = runCli(["check"], join(FIXTURES, "vocabulary-unknown-term"));
    expect(run.code).toBe(1);
    golden("vocabulary-unknown-term.pretty.txt", run.stdout);
    expect(run.stdout).toContain("cases/welding-centre/en.md:9:10");
    expect(run.stdout).toContain("hint: Closest terms: overseas-workshop");
    expect(run.stdout).not.toMatch(/\u001b\[/); // NO_COLOR: no escape codes
  });

  it("prints GitHub annotations with --format github, and by default inside GitHub Actions", () => {
    const explicit = runCli(["check", "--format", "github"], join(FIXTURES, "path-outside-case"));
    expect(explicit.code).toBe(1);
    golden("path-outside-case.github.txt", explicit.stdout);
    for (const line of explicit.stdout.trim().split("\n"))
      expect(line).toMatch(/^::error file=cases\/welding-centre\/en\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=path-outside-case::[^\n]+$/);
    const implicit = runCli(["check"], join(FIXTURES, "path-outside-case"), { GITHUB_ACTIONS: "true" });
    expect(implicit.stdout).toBe(explicit.stdout);
  });

  it("prints a JSON list with --format json", () => {
    const run = runCli(["check", "--format", "json"], join(FIXTURES, "frontmatter-required"));
    expect(run.code).toBe(1);
    const list = JSON.parse(run.stdout) as { ruleId: string; line: number; column: number; severity: string }[];
    expect(list.map((d) => [d.ruleId, d.line, d.column, d.severity])).toEqual([
      ["frontmatter-required", 1, 1, "error"],
      ["frontmatter-required", 5, 5, "error"],
    ]);
    expect(JSON.parse(runCli(["check", "--format", "json"], join(FIXTURES, "clean")).stdout)).toEqual([]);
  });

  it("fails on warnings only with --strict", () => {
    const dir = join(FIXTURES, "outcome-year");
    expect(runCli(["check"], dir).code).toBe(0);
    expect(runCli(["check", "--strict"], dir).code).toBe(1);
  });

  it("reports every file in one run, sorted by file and line", () => {
    const dir = scratch(join(FIXTURES, "clean"));
    const en = join(dir, "cases/welding-centre/en.md");
    writeFileSync(en, readFileSync(en, "utf8").replace("direction: go-global", "direction: inward").replace("title: Welding", "titel: Welding"));
    const fr = join(dir, "cases/welding-centre/fr.md");
    writeFileSync(fr, readFileSync(fr, "utf8").replace("published: 2025-11-02", "published: 2025-13-02"));
    const run = runCli(["check", "--format", "json"], dir);
    const list = JSON.parse(run.stdout) as { file: string; line: number; ruleId: string }[];
    expect(list.map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual([
      "cases/welding-centre/en.md:2 frontmatter-unknown-key",
      "cases/welding-centre/en.md:10 vocabulary-unknown-term",
      "cases/welding-centre/fr.md:3 translation-stale", // en.md changed after fr.md was stamped
      "cases/welding-centre/fr.md:7 frontmatter-format",
    ]);
  });

  it("exits 2 on usage errors, with a message and no stack trace", () => {
    for (const args of [["check", "--format", "xml"], ["check", "--bogus"], ["frobnicate"], []]) {
      const run = runCli(args, join(FIXTURES, "clean"));
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/casebook|Usage/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("says what to do when the cases folder does not exist", () => {
    const run = runCli(["check", "--cases", "no-such-folder"], scratch());
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cases folder .*no-such-folder does not exist/);
    expect(run.stderr).toMatch(/hint: .*--cases DIR/);
  });
});

describe("casebook new", () => {
  it("writes a draft that passes check, and refuses to overwrite it", () => {
    const dir = scratch(join(FIXTURES, "clean"));
    const created = runCli(["new", "nairobi-solar-academy"], dir);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("cases/nairobi-solar-academy/en.md");
    const text = readFileSync(join(dir, "cases/nairobi-solar-academy/en.md"), "utf8");
    expect(text).toMatch(/^---\n/);
    expect(text).toContain("status: draft");
    expect(text).toContain("## Lessons and transferability");
    expect(runCli(["check", "--strict"], dir)).toMatchObject({ code: 0, stdout: "" });

    const again = runCli(["new", "nairobi-solar-academy"], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
    expect(readFileSync(join(dir, "cases/nairobi-solar-academy/en.md"), "utf8")).toBe(text);
  });

  it("writes the template in the language asked for", () => {
    const dir = scratch(join(FIXTURES, "clean"));
    expect(runCli(["new", "almaty-welding-russian", "--lang", "ru"], dir).code).toBe(0);
    const text = readFileSync(join(dir, "cases/almaty-welding-russian/ru.md"), "utf8");
    expect(text).toContain("## Уроки и тиражируемость");
    expect(runCli(["check", "--strict"], dir)).toMatchObject({ code: 0, stdout: "" });
  });

  it("rejects a bad id or language with exit 2 and writes nothing", () => {
    const dir = scratch(join(FIXTURES, "clean"));
    for (const args of [["new", "Bad_Id"], ["new", "../escape"], ["new", "ok-id", "--lang", "de"], ["new"]]) {
      const run = runCli(args, dir);
      expect(run.code, args.join(" ")).toBe(2);
    }
    expect(existsSync(join(dir, "cases/Bad_Id"))).toBe(false);
    expect(existsSync(join(dir, "cases/ok-id"))).toBe(false);
  });
});

describe("casebook schema", () => {
  it("prints the JSON Schema generated from zod", () => {
    const run = runCli(["schema"], join(FIXTURES, "clean"));
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout) as { oneOf: { properties: Record<string, { items?: { enum?: string[] } }>; required: string[] }[] };
    const original = schema.oneOf[0]!;
    expect(original.properties["models"]?.items?.enum).toContain("overseas-workshop");
    expect(original.required).toContain("title");
    expect(original.required).not.toContain("license"); // input side: fields with defaults are optional
  });
});
