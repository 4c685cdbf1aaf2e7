import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { projectAt, release } from "./helpers/release-history.js";
import { ROOT, runCli } from "./helpers/run-cli.js";
import { removeProjects } from "./helpers/remove-projects.js";

// The workflows are configuration for GitHub, not proof: this checks that every command they run
// is an npm script of package.json (which `npm run` reproduces locally) or the casebook CLI, and
// that every casebook command those scripts call exists.
const WORKFLOWS = join(ROOT, ".github", "workflows");
const scripts = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
/** Commands the workflows may name before they are written; remove one once it exists. */
const PENDING_COMMANDS = new Set<string>([]);

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
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

/** What a `run:` line calls: an npm script (by name), the casebook CLI, the GitHub CLI, or something else. */
function classify(line: string): { script: string } | { casebook: string } | { npm: string } | { gh: string } | { other: string } {
  const npmRun = /^npm run ([\w:-]+)(?:\s|$)/.exec(line);
  if (npmRun) return { script: npmRun[1]! };
  const npmShort = /^npm (test|start)(?:\s|$)/.exec(line);
  if (npmShort) return { script: npmShort[1]! };
  if (/^npm ci(?:\s|$)/.test(line)) return { npm: "ci" };
  const command = casebookCommand(line);
  if (command) return { casebook: command };
  // The GitHub CLI talks to GitHub's releases, which only exist there; the test below runs it against a stand-in.
  if (/^gh release /.test(line)) return { gh: line };
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
    it(`${file}: every run line is an npm script that exists, npm ci, the casebook CLI, or gh release`, () => {
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

  describe("release.yml compares with the editions released on GitHub before", () => {
    const releaseYml = workflows.find((w) => w.file === "release.yml")!.workflow;
    const steps = Object.values(releaseYml.jobs).flatMap((j) => j.steps);
    const download = steps.find((s) => s.run?.includes("gh release download"));
    const build = steps.findIndex((s) => s.run === 'npm run release -- "${{ github.ref_name }}"');

    it("downloads the earlier releases' manifests with gh, authenticated by the workflow's token, before releasing", () => {
      expect(download, "a step runs `gh release download`").toBeDefined();
      expect(download!.env).toMatchObject({ GH_TOKEN: "${{ secrets.GITHUB_TOKEN }}", TAG: "${{ github.ref_name }}" });
      // The tag reaches the shell through the environment, never spliced into the script.
      expect(download!.run).not.toContain("${{");
      expect(steps.indexOf(download!)).toBeGreaterThan(steps.findIndex((s) => s.run === "npm ci"));
      expect(steps.indexOf(download!)).toBeLessThan(build);
    });

    it("attaches the edition's manifest to its GitHub release beside the archive", () => {
      const publish = steps.find((s) => s.uses?.startsWith("softprops/action-gh-release@"));
      const files = String(publish?.with?.["files"] ?? "").split("\n").map((f) => f.trim()).filter(Boolean);
      expect(files).toEqual(["dist/releases/${{ github.ref_name }}.tar.gz", "dist/releases/${{ github.ref_name }}/manifest.json"]);
      expect(steps.indexOf(publish!)).toBeGreaterThan(build);
    });

    /**
     * The step's command, run by bash as GitHub runs it (-e, pipefail) against a stand-in `gh` that
     * serves releases from a folder (`<tag>/manifest.json` is a release's manifest asset) and logs its calls.
     */
    function runDownload(cwd: string, releases: Record<string, string | null>, tag: string) {
      const fake = mkdtempSync(join(tmpdir(), "casebook-fake-gh-"));
      temp.push(fake);
      for (const [name, manifest] of Object.entries(releases)) {
        mkdirSync(join(fake, "assets", name), { recursive: true });
        if (manifest) writeFileSync(join(fake, "assets", name, "manifest.json"), manifest);
      }
      writeFileSync(join(fake, "tags"), Object.keys(releases).map((t) => `${t}\n`).join(""));
      mkdirSync(join(fake, "bin"));
      writeFileSync(
        join(fake, "bin", "gh"),
        `#!/bin/sh
echo "$*" >> "${fake}/calls"
if [ "$1 $2" = "release list" ]; then
  [ "$*" = "release list --exclude-drafts --limit 1000 --json tagName --jq .[].tagName" ] || exit 2
  cat "${fake}/tags"; exit 0
fi
if [ "$1 $2 $4 $5 $6" = "release download --pattern manifest.json --dir" ]; then
  [ -f "${fake}/assets/$3/manifest.json" ] || { echo "no assets match the file pattern" >&2; exit 1; }
  mkdir -p "$7" && cp "${fake}/assets/$3/manifest.json" "$7/manifest.json"; exit 0
fi
exit 2
`,
      );
      chmodSync(join(fake, "bin", "gh"), 0o755);
      const run = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", download!.run!], {
        cwd,
        encoding: "utf8",
        env: { ...process.env, PATH: `${join(fake, "bin")}:${process.env["PATH"]}`, TAG: tag, GH_TOKEN: "token", GH_REPO: "owner/casebook" },
      });
      const calls = existsSync(join(fake, "calls")) ? readFileSync(join(fake, "calls"), "utf8").trim().split("\n") : [];
      return { code: run.status, stderr: run.stderr, calls };
    }

    const temp: string[] = [];
    afterAll(() => removeProjects(temp));

    it("puts each earlier release's manifest at dist/releases/<tag>/manifest.json, skips this tag, and the release compares with them", () => {
      const first = projectAt("2024");
      temp.push(first);
      expect(release(first, "2024")).toMatchObject({ code: 0 });
      const manifest2024 = readFileSync(join(first, "dist", "releases", "2024", "manifest.json"), "utf8");
      const dir = projectAt("2025");
      temp.push(dir);
      // A re-run: this tag's own release exists already, and must not be downloaded (the release would refuse).
      const run = runDownload(dir, { "2025": "{}", "2024": manifest2024 }, "2025");
      expect(run, run.stderr).toMatchObject({ code: 0 });
      expect(run.calls).toEqual(["release list --exclude-drafts --limit 1000 --json tagName --jq .[].tagName", "release download 2024 --pattern manifest.json --dir dist/releases/2024"]);
      expect(readdirSync(join(dir, "dist", "releases"))).toEqual(["2024"]);
      expect(readdirSync(join(dir, "dist", "releases", "2024"))).toEqual(["manifest.json"]);
      const released = release(dir, "2025");
      expect(released, released.stderr).toMatchObject({ code: 0 });
      expect(released.stdout).toContain("Changes since edition 2024:");
    }, 120_000);

    it("does nothing for the first edition, and stops when an earlier release has no manifest", () => {
      const dir = mkdtempSync(join(tmpdir(), "casebook-fake-gh-project-"));
      temp.push(dir);
      expect(runDownload(dir, {}, "2024")).toMatchObject({ code: 0 });
      expect(existsSync(join(dir, "dist"))).toBe(false);
      const missing = runDownload(dir, { "2024": null }, "2025");
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toContain("no assets match");
    });
  });

  it("`npm run check:github` prints annotations GitHub places on the lines", () => {
    const dir = join(import.meta.dirname, "fixtures", "check", "translation-stale");
    const run = runCli(["check", "--format", "github"], dir);
    expect(run.stdout).toMatch(/^::warning file=cases\/welding-centre\/fr\.md,line=3,col=13,endLine=3,endColumn=25,title=translation-stale::/);
  });
});
