import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compareVersions, isEditionVersion } from "../src/release/edition-version.js";
import { projectAt } from "./helpers/release-history.js";
import { runCli } from "./helpers/run-cli.js";
import { removeProjects } from "./helpers/remove-projects.js";

const temp: string[] = [];
afterAll(() => removeProjects(temp));

/** The 2025 state of the history with `yaml` appended to its config: what `check` says about the config. */
let lastDir = "";
function configProblems(yaml: string, change?: (dir: string) => void): string[] {
  const dir = projectAt("2025");
  temp.push(dir);
  lastDir = dir;
  const config = join(dir, "casebook.config.yaml");
  writeFileSync(config, readFileSync(config, "utf8").replace(/^redirects:\n(  .*\n)+/m, ""));
  appendFileSync(config, yaml);
  change?.(dir);
  const run = runCli(["check", "--format", "json"], dir);
  return (JSON.parse(run.stdout) as { ruleId: string; file: string; line: number; column: number; message: string }[])
    .filter((d) => d.file === "casebook.config.yaml")
    .map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`);
}

describe("check: permanent links in the config", () => {
  it("accepts redirects to existing cases and withdrawn ids that are no longer cases", () => {
    expect(configProblems("redirects:\n  farm-school: zambia-farm-machinery-school\nwithdrawn:\n  - id: old-case\n    reason: Taken down.\n")).toEqual([]);
  });

  it("reports a redirect to a case that does not exist, at its value", () => {
    const problems = configProblems("redirects:\n  farm-school: zambia-farm-school\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\d+:16 redirect-target-missing "farm-school" redirects to "zambia-farm-school", which is not a case\.$/);
  });

  it("reports chains and cycles", () => {
    expect(configProblems("redirects:\n  a-old: b-old\n  b-old: alpha-welding\n").map((p) => p.replace(/^\d+:\d+ /, ""))).toEqual([
      'redirect-chain "a-old" redirects to "b-old", which is itself redirected to "alpha-welding".',
    ]);
    expect(configProblems("redirects:\n  a-old: b-old\n  b-old: a-old\n").map((p) => p.replace(/^\d+:\d+ /, ""))).toEqual([
      'redirect-chain "a-old" redirects to "b-old", which is itself redirected to "a-old".',
      'redirect-chain "b-old" redirects to "a-old", which is itself redirected to "b-old".',
    ]);
    expect(configProblems("redirects:\n  a-old: a-old\n").map((p) => p.replace(/^\d+:\d+ /, ""))).toEqual(['redirect-chain "a-old" redirects to itself.']);
  });

  it("reports an old id that is still a case, and one declared twice", () => {
    const problems = configProblems("redirects:\n  beta-nursing: alpha-welding\nwithdrawn:\n  - id: epsilon-solar\n    reason: Gone.\n  - id: beta-nursing\n    reason: Gone.\n");
    expect(problems.map((p) => p.replace(/^\d+:\d+ /, ""))).toEqual([
      'permalink-case-exists "beta-nursing" is redirected to "alpha-welding" but is still a case folder.',
      'permalink-case-exists "epsilon-solar" is declared withdrawn but is still a case folder.',
      'permalink-case-exists "beta-nursing" is declared withdrawn but is still a case folder.',
      'permalink-conflict "beta-nursing" is both redirected and withdrawn.',
    ]);
  });

  it("points at the line and column of the entry", () => {
    const problems = configProblems("withdrawn:\n  - id: gone-case\n    reason: Gone.\n  - id: gone-case\n    reason: Twice.\n");
    const lines = readFileSync(join(lastDir, "casebook.config.yaml"), "utf8").split("\n");
    const second = lines.lastIndexOf("  - id: gone-case") + 1;
    expect(problems).toEqual([`${second}:9 permalink-conflict "gone-case" is declared withdrawn more than once.`]);
    const target = configProblems("redirects:\n  farm-school: zambia-farm-school\n");
    const line = readFileSync(join(lastDir, "casebook.config.yaml"), "utf8").split("\n").indexOf("  farm-school: zambia-farm-school") + 1;
    expect(target).toEqual([`${line}:16 redirect-target-missing "farm-school" redirects to "zambia-farm-school", which is not a case.`]);
  });
});

describe("edition versions", () => {
  it("accepts semantic versions and year editions only", () => {
    for (const v of ["1.0.0", "2.10.3", "1.0.0-rc.1", "2025", "2025.1", "2025.12"]) expect(isEditionVersion(v), v).toBe(true);
    for (const v of ["v1.0.0", "1.0", "01.0.0", "2025.01", "25", "2025-1", "", "latest", "../2025"]) expect(isEditionVersion(v), v).toBe(false);
  });

  it("orders them by number, a pre-release before its release, a year edition after any 1.x", () => {
    const sorted = ["2025.1", "1.0.0", "2025", "1.0.0-rc.2", "2024", "1.0.0-rc.10", "2025.10", "2025.2", "1.2.0"].sort(compareVersions);
    expect(sorted).toEqual(["1.0.0-rc.2", "1.0.0-rc.10", "1.0.0", "1.2.0", "2024", "2025", "2025.1", "2025.2", "2025.10"]);
  });
});
