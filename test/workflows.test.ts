import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, runCli } from "./helpers/run-cli.js";

// The workflows are configuration for GitHub, not proof: this checks that every command they run
// is an npm script of package.json (which `npm run` reproduces locally) or the casebook CLI, and
// that every casebook command those scripts call exists.
const WORKFLOWS = join(ROOT, ".github", "workflows");
const scripts = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
/** Commands the workflows may name before they are written; remove one once it exists. */
const PENDING_COMMANDS = new Set(["release"]);

interface Step {
  run?: string;
  uses?: string;
}
interface Workflow {
  on: unknown;
  jobs: Record<string, { steps: Step[] }>;
}

const workflows = readdirSync(WORKFLOWS)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((file) => ({ file, workflow: parse(readFileSync(join(WORKFLOWS, file), "utf8")) as Workflow }));
const runLines = (w: Workflow) =>
  Object.values(w.jobs).flatMap((job) =>
    job.steps.flatMap((s) => (s.run ?? "").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))),
  );

/** The casebook subcommand a command line calls, if it calls the casebook CLI. */
const casebookCommand = (line: string) => /^(?:npx casebook|node bin\/casebook\.js) ([a-z-]+)/.exec(line)?.[1];

/** What a `run:` line calls: an npm script (by name), the casebook CLI, or something else. */
function classify(line: string): { script: string } | { casebook: string } | { npm: string } | { other: string } {
  const npmRun = /^npm run ([\w:-]+)(?:\s|$)/.exec(line);
  if (npmRun) return { script: npmRun[1]! };
  const npmShort = /^npm (test|start)(?:\s|$)/.exec(line);
  if (npmShort) return { script: npmShort[1]! };
  if (/^npm ci(?:\s|$)/.test(line)) return { npm: "ci" };
  const command = casebookCommand(line);
  if (command) return { casebook: command };
  return { other: line };
}

/** Whether the casebook CLI knows a command: `--help` exits 0 for a known one and 2 for an unknown one. */
const known = new Map<string, boolean>();
function isCommand(command: string): boolean {
  if (!known.has(command)) known.set(command, runCli([command, "--help"], ROOT).code === 0);
  return known.get(command)!;
}

describe("GitHub workflows", () => {
  it("has a pull-request workflow and a release workflow", () => {
    expect(workflows.map((w) => w.file).sort()).toEqual(["pr.yml", "release.yml"]);
  });

  for (const { file, workflow } of workflows) {
    it(`${file}: every run line is an npm script that exists, npm ci, or the casebook CLI`, () => {
      const lines = runLines(workflow);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const what = classify(line);
        expect("other" in what ? what.other : "", `${file}: \`${line}\` is neither an npm script nor casebook`).toBe("");
        if ("script" in what) expect(Object.keys(scripts), `${file}: \`${line}\` names a missing npm script`).toContain(what.script);
        if ("casebook" in what && !PENDING_COMMANDS.has(what.casebook)) expect(isCommand(what.casebook), `${file}: casebook ${what.casebook}`).toBe(true);
      }
    });

    it(`${file}: the casebook commands its npm scripts call exist`, () => {
      for (const line of runLines(workflow)) {
        const what = classify(line);
        if (!("script" in what)) continue;
        const command = casebookCommand(scripts[what.script] ?? "");
        if (command && !PENDING_COMMANDS.has(command)) expect(isCommand(command), `npm run ${what.script}: casebook ${command}`).toBe(true);
      }
    });
  }

  it("pr.yml runs on pull requests: check with GitHub annotations, typecheck, tests, and a preview build kept as an artifact", () => {
    const pr = workflows.find((w) => w.file === "pr.yml")!.workflow;
    expect(pr.on).toHaveProperty("pull_request");
    const lines = runLines(pr);
    for (const line of ["npm ci", "npm run check:github", "npm run typecheck", "npm test", "npm run build"]) expect(lines).toContain(line);
    expect(scripts["check:github"]).toBe("node bin/casebook.js check --format github");
    expect(scripts["build"]).toBe("node bin/casebook.js build");
    const upload = Object.values(pr.jobs).flatMap((j) => j.steps).find((s) => s.uses?.startsWith("actions/upload-artifact@"));
    expect(upload).toMatchObject({ with: { name: "casebook-preview", path: "dist/" } });
  });

  it("release.yml runs on version tags and builds the edition with `npm run release -- <tag>`", () => {
    const release = workflows.find((w) => w.file === "release.yml")!.workflow;
    expect(release.on).toEqual({ push: { tags: ["[0-9]*"] } });
    expect(runLines(release)).toContain('npm run release -- "${{ github.ref_name }}"');
    expect(scripts["release"]).toBe("node bin/casebook.js release");
  });

  it("`npm run check:github` prints annotations GitHub places on the lines", () => {
    const dir = join(import.meta.dirname, "fixtures", "check", "translation-stale");
    const run = runCli(["check", "--format", "github"], dir);
    expect(run.stdout).toMatch(/^::warning file=cases\/welding-centre\/fr\.md,line=3,col=13,endLine=3,endColumn=25,title=translation-stale::/);
  });
});
