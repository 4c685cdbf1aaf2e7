import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";
import { removeProjects } from "./helpers/remove-projects.js";

const CLEAN = join(import.meta.dirname, "fixtures", "check", "clean");
const temp: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "casebook-build-"));
  temp.push(dir);
  cpSync(CLEAN, dir, { recursive: true });
  writeFileSync(
    join(dir, "casebook.config.yaml"),
    "title: Test casebook\nedition: '1'\nlanguages: [en, fr]\nbaseUrl: https://example.org/\npublisher: Test editors\n",
  );
  return dir;
}
afterAll(() => removeProjects(temp));

describe("casebook build", () => {
  it("writes the site and the JSON Schema of a case into dist/site/", () => {
    const dir = scratch();
    const run = runCli(["build", "--no-pdf"], dir);
    expect(run.code, run.stderr).toBe(0);
    const schema = JSON.parse(readFileSync(join(dir, "dist/site/schema/case.schema.json"), "utf8")) as { oneOf: unknown[] };
    expect(schema.oneOf).toHaveLength(2);
    expect(readFileSync(join(dir, "dist/site/fr/cases/welding-centre/index.html"), "utf8")).toContain("Centre de soudage à Almaty");
    expect(existsSync(join(dir, "dist/site/zh"))).toBe(false); // only the configured languages
    expect(readdirSync(dir).filter((n) => n.startsWith(".dist"))).toEqual([]); // no staging folder left
  });

  it("stops before writing when a case has an error, leaving the previous dist/ as it was", () => {
    const dir = scratch();
    expect(runCli(["build"], dir).code).toBe(0);
    const before = readFileSync(join(dir, "dist/site/schema/case.schema.json"), "utf8");
    writeFileSync(join(dir, "dist/site/keep-me.txt"), "from the previous build");
    const en = join(dir, "cases/welding-centre/en.md");
    writeFileSync(en, readFileSync(en, "utf8").replace("direction: go-global", "direction: sideways"));
    const run = runCli(["build"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("vocabulary-unknown-term");
    expect(run.stderr).toMatch(/dist is unchanged/);
    expect(readFileSync(join(dir, "dist/site/schema/case.schema.json"), "utf8")).toBe(before);
    expect(readFileSync(join(dir, "dist/site/keep-me.txt"), "utf8")).toBe("from the previous build");
  });

  it("says what to do when the configuration is missing", () => {
    const dir = scratch();
    rmSync(join(dir, "casebook.config.yaml"));
    const run = runCli(["build"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no casebook\.config\.yaml/);
    expect(run.stderr).toMatch(/hint:/);
    expect(existsSync(join(dir, "dist"))).toBe(false);
  });

  it("refuses to replace a folder that Casebook did not write", () => {
    const dir = scratch();
    mkdirSync(join(dir, "precious"));
    writeFileSync(join(dir, "precious/thesis.tex"), "years of work");
    for (const out of ["precious", ".", "cases"]) {
      const run = runCli(["build", "--out", out], dir);
      expect(run.code, out).toBe(1);
      expect(run.stderr).toMatch(/was not written by Casebook/);
    }
    expect(readFileSync(join(dir, "precious/thesis.tex"), "utf8")).toBe("years of work");
    expect(existsSync(join(dir, "cases/welding-centre/en.md"))).toBe(true);
  });
});
