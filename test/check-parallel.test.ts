import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCasebook } from "../bench/generate-cases.js";
import { checkCasebook } from "../src/build/check-casebook.js";
import { PARALLEL_CHECK_MIN_CASES } from "../src/build/check-in-parallel.js";
import { openProject } from "../src/build/open-project.js";
import { renderDiagnostics, type Format } from "../src/cli/print-diagnostics.js";
import { ROOT, runCli } from "./helpers/run-cli.js";
import { removeProjects } from "./helpers/remove-projects.js";

/**
 * `casebook check` splits a large casebook between worker threads. Whatever the split, it must
 * report exactly what checking the whole casebook in one piece reports, code frames included.
 */
const project = mkdtempSync(join(tmpdir(), "casebook-check-parallel-"));
afterAll(() => removeProjects([project]));

let ids: string[] = [];
beforeAll(() => {
  copyFileSync(join(ROOT, "casebook.config.yaml"), join(project, "casebook.config.yaml"));
  ids = generateCasebook({ count: 2 * PARALLEL_CHECK_MIN_CASES + 50, seed: 11, dir: join(project, "cases") }).ids;
  const en = (id: string) => join(project, "cases", id, "en.md");
  // A link to a missing case, and one to a case that the other part checks (which must pass).
  appendFileSync(en(ids[5]!), `\nSee [a missing case](case:${ids[5]}-missing) and [a far case](case:${ids[ids.length - 10]}).\n`);
  appendFileSync(en(ids[ids.length - 20]!), `\nSee [the first case](case:${ids[0]}) and [a typo](case:${ids[1]!.slice(0, -1)}).\n`);
  // A frontmatter problem, a missing image and a stray file at the top of the cases folder.
  const third = en(ids[Math.floor(ids.length / 3)]!);
  writeFileSync(third, readFileSync(third, "utf8").replace(/^---\n/, "---\nunknownField: 1\n"));
  appendFileSync(en(ids[ids.length - 5]!), "\n![A chart](images/missing.svg)\n");
  writeFileSync(join(project, "cases", "notes.txt"), "not a case\n");
});

/** What checking the casebook in one piece, in this process, prints in `format`. */
function inOnePiece(format: Format): string {
  const { diagnostics, sources } = checkCasebook(openProject({ cwd: project }));
  return renderDiagnostics(diagnostics, format, sources, { stdout: () => {}, stderr: () => {}, env: { NO_COLOR: "1" }, cwd: project, isTTY: false });
}

describe("check on several threads", () => {
  it.each(["json", "pretty"] as const)("reports what a check in one piece reports (%s)", (format) => {
    const run = runCli(["check", "--format", format], project);
    expect(run.code).toBe(1);
    const expected = inOnePiece(format);
    for (const rule of ["case-link-broken", "frontmatter-unknown-key", "image-missing", "stray-file"]) expect(expected).toContain(rule);
    // Only the two broken links: the links into the other part resolve.
    expect(expected.match(/case-link-broken/g)?.length).toBe(2);
    expect(run.stdout).toBe(expected);
  });

  // The threads start before the configuration is read, from the folder the command line names or
  // `cases/`: a configuration naming another folder gets the threads that folder needs, whatever
  // `cases/` holds, and the command ends (a thread left running would keep it alive).
  it("reports the same when the configuration names the cases folder", () => {
    const other = mkdtempSync(join(tmpdir(), "casebook-check-parallel-config-"));
    const json = (cwd: string) => {
      const { diagnostics, sources } = checkCasebook(openProject({ cwd }));
      return renderDiagnostics(diagnostics, "json", sources, { stdout: () => {}, stderr: () => {}, env: {}, cwd, isTTY: false });
    };
    try {
      const config = readFileSync(join(project, "casebook.config.yaml"), "utf8");
      expect(config).toMatch(/^cases: cases$/m);
      const useFolder = (name: string) => writeFileSync(join(other, "casebook.config.yaml"), config.replace(/^cases: cases$/m, `cases: ${name}`));
      // No cases/ at all: no thread is started early; the 450 cases of all-cases/ get their second thread later.
      cpSync(join(project, "cases"), join(other, "all-cases"), { recursive: true });
      useFolder("all-cases");
      const all = runCli(["check", "--format", "json"], other);
      expect(all.code, all.stderr).toBe(1);
      expect(all.stdout.replaceAll('"all-cases/', '"cases/')).toBe(inOnePiece("json"));
      // A large cases/ (a thread started early) while the configuration names three cases: it is not needed.
      cpSync(join(project, "cases"), join(other, "cases"), { recursive: true });
      mkdirSync(join(other, "few-cases"));
      for (const id of ids.slice(0, 3)) cpSync(join(project, "cases", id), join(other, "few-cases", id), { recursive: true });
      useFolder("few-cases");
      const few = runCli(["check", "--format", "json"], other);
      expect(few.stderr).toBe("");
      expect(few.stdout).toBe(json(other));
      expect(JSON.parse(few.stdout).every((d: { file: string }) => d.file.startsWith("few-cases/") || d.file === "casebook.config.yaml")).toBe(true);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
