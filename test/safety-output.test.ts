import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { assertOutputLocation, assertReplaceable, OUTPUT_MARKER } from "../src/build/atomic-output.js";
import { ProjectError } from "../src/build/open-project.js";
import { removeScratch, scratchCasebook } from "./fixtures/hostile/scratch-casebook.js";
import { BIN, runCli } from "./helpers/run-cli.js";

/**
 * Issue 5, "Nothing lost": `--out` never replaces a folder Casebook did not write nor the project,
 * no command but `casebook new` (and `stamp`, which records a translation's version in its own file,
 * see SECURITY.md) writes inside `cases/`, and every error ends with a message, a hint and no stack trace.
 */
afterAll(removeScratch);

const refused = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return error instanceof ProjectError ? error.message : `not a ProjectError: ${String(error)}`;
  }
  return undefined;
};

describe("--out refuses folders that are not Casebook output", () => {
  it("refuses the filesystem root and the home folder whatever they hold, without touching them", () => {
    expect(refused(() => assertReplaceable("/"))).toMatch(/root of the filesystem/);
    expect(refused(() => assertReplaceable(homedir()))).toMatch(/home folder/);
    expect(refused(() => assertReplaceable(`${homedir()}/`))).toMatch(/home folder/);
  });

  it("refuses a non-empty folder without the marker and a file; accepts an empty, new or marked one", () => {
    const dir = scratchCasebook();
    expect(refused(() => assertReplaceable(dir))).toMatch(/was not written by Casebook/);
    expect(refused(() => assertReplaceable(join(dir, "cases")))).toMatch(/was not written by Casebook/);
    writeFileSync(join(dir, "file.txt"), "x");
    expect(refused(() => assertReplaceable(join(dir, "file.txt")))).toMatch(/is a file/);
    mkdirSync(join(dir, "empty"));
    expect(refused(() => assertReplaceable(join(dir, "empty")))).toBeUndefined();
    expect(refused(() => assertReplaceable(join(dir, "new")))).toBeUndefined();
    mkdirSync(join(dir, "marked"));
    writeFileSync(join(dir, "marked", OUTPUT_MARKER), "");
    writeFileSync(join(dir, "marked", "index.html"), "");
    expect(refused(() => assertReplaceable(join(dir, "marked")))).toBeUndefined();
  });

  it("refuses the project, the cases folder, a folder inside it or holding it, even empty, marked or linked", () => {
    const dir = scratchCasebook();
    const project = { cwd: dir, casesDir: join(dir, "cases") };
    symlinkSync(join(dir, "cases"), join(dir, "cases-link"));
    for (const out of [dir, join(dir, "cases"), join(dir, "cases", "new"), join(dir, "cases", "welding-centre"), join(dir, ".."), join(dir, "cases-link", "x")])
      expect(refused(() => assertOutputLocation(out, project)), out).toMatch(/cases folder|holds/);
    expect(refused(() => assertOutputLocation(join(dir, "dist"), project))).toBeUndefined();
    expect(refused(() => assertOutputLocation(join(dir, "out", "site"), project))).toBeUndefined();
  });

  it("refuses them from the command line, and leaves everything as it was", () => {
    const dir = scratchCasebook();
    writeFileSync(join(dir, OUTPUT_MARKER), "planted by someone"); // a marker in the project itself
    const before = hashTree(dir);
    for (const out of [".", "cases", "cases/new-output", "..", "casebook.config.yaml"]) {
      const run = runCli(["build", "--no-pdf", "--out", out], dir);
      expect(run.code, out).toBe(1);
      expect(run.stderr, out).toMatch(/^casebook: .*\n {2}hint: /m);
      expect(run.stderr, out).not.toMatch(/^\s+at /m);
    }
    expect(hashTree(dir)).toEqual(before);
  });

  it("refuses a home folder from the command line (HOME pointed at a scratch folder)", () => {
    const dir = scratchCasebook();
    const fakeHome = join(dir, "home");
    mkdirSync(fakeHome);
    writeFileSync(join(fakeHome, OUTPUT_MARKER), "");
    const run = runCli(["build", "--no-pdf", "--out", fakeHome], dir, { HOME: fakeHome, USERPROFILE: fakeHome });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/home folder/);
    expect(readdirSync(fakeHome)).toEqual([OUTPUT_MARKER]);
  });
});

/** Every file and link under `root` with its content hash and mode, by relative path. */
function hashTree(root: string, only?: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = relative(root, path);
      if (only === undefined && (rel === "dist" || rel.startsWith("dist"))) continue;
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) out[rel] = `link ${readlinkSync(path)}`;
      else if (stat.isDirectory()) {
        out[rel] = `dir ${stat.mode}`;
        walk(path);
      } else out[rel] = `${stat.mode} ${createHash("sha256").update(readFileSync(path)).digest("hex")} ${stat.mtimeMs}`;
    }
  };
  walk(only ?? root);
  return out;
}

describe("no command but `casebook new` and `casebook stamp` writes inside cases/", () => {
  const commands: string[][] = [
    ["check"],
    ["check", "--format", "json", "--strict"],
    ["check", "--format", "github"],
    ["build", "--no-pdf"],
    ["build"],
    ["build", "--no-pdf", "--out", "cases"],
    ["build", "--no-pdf", "--out", "cases/welding-centre"],
    ["status"],
    ["status", "--format", "json"],
    ["schema"],
    ["docs", "--check"],
    ["docs"],
    // stamp in every form that must not write: the translation already current, or an error.
    ["stamp", "welding-centre", "--lang", "fr"],
    ["stamp", "welding-centre", "--lang", "ru"],
    ["stamp", "broken-case", "--lang", "fr"],
    ["stamp", "no-such-case", "--lang", "fr"],
    ["new", "welding-centre"],
    ["new", "Not_An_Id"],
    ["--version"],
    ["--help"],
    ["frobnicate"],
  ];

  it("leaves every file of cases/ byte for byte, mode and mtime as it was, after each command", () => {
    const dir = scratchCasebook();
    // A hostile-ish case too: an error, so the failing paths run.
    mkdirSync(join(dir, "cases", "broken-case"));
    writeFileSync(join(dir, "cases", "broken-case", "en.md"), "---\ntitle: [\n---\n<script>alert(1)</script>\n");
    const cases = join(dir, "cases");
    // The French translation records the current version of its original, so stamp has nothing to do.
    expect(runCli(["stamp", "welding-centre", "--lang", "fr"], dir).code).toBe(0);
    const before = hashTree(dir, cases);
    for (const command of commands) {
      runCli(command, dir);
      expect(hashTree(dir, cases), command.join(" ")).toEqual(before);
    }
    // The hash notices a write: `casebook new` adds its case and changes nothing else.
    expect(runCli(["new", "fresh-case"], dir).code).toBe(0);
    const after = hashTree(dir, cases);
    const changed = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((k) => k === "cases/fresh-case" || k.startsWith("cases/fresh-case/")), changed.join(", ")).toBe(true);
  }, 300_000);

  it("lets `casebook stamp` change only the frontmatter of the one translation it names", () => {
    const dir = scratchCasebook();
    const cases = join(dir, "cases");
    const fr = join(cases, "welding-centre", "fr.md");
    const text = readFileSync(fr, "utf8");
    writeFileSync(fr, text.replace(/^sourceHash:.*\n/m, ""));
    const before = hashTree(dir, cases);
    const body = (t: string) => t.slice(t.indexOf("\n---\n", 4));
    expect(runCli(["stamp", "welding-centre", "--lang", "fr"], dir).code).toBe(0);
    const after = hashTree(dir, cases);
    expect(Object.keys(after).filter((k) => before[k] !== after[k])).toEqual(["cases/welding-centre/fr.md"]);
    expect(body(readFileSync(fr, "utf8"))).toBe(body(text));
  });

  it("leaves cases/ alone while the preview server runs and when it stops", async () => {
    const dir = scratchCasebook();
    const cases = join(dir, "cases");
    const before = hashTree(dir, cases);
    const child = spawn(process.execPath, [BIN, "dev", "--port", "0"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 30_000);
      child.stdout.on("data", () => {
        if (output.includes("serving the preview")) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    expect(output).toContain("serving the preview");
    child.kill("SIGINT");
    await new Promise((resolve) => child.on("exit", resolve));
    expect(hashTree(dir, cases)).toEqual(before);
  }, 60_000);
});

describe("errors that end a command", () => {
  it("say what happened and what to do, exit non-zero, and show no stack trace (unless --debug)", () => {
    const dir = scratchCasebook();
    mkdirSync(join(dir, "config-is-a-folder"));
    mkdirSync(join(dir, "config-is-a-folder", "casebook.config.yaml"));
    mkdirSync(join(dir, "config-is-a-folder", "cases"));
    mkdirSync(join(dir, "broken-vocabulary", "schema", "vocabularies"), { recursive: true });
    mkdirSync(join(dir, "broken-vocabulary", "cases"));
    writeFileSync(join(dir, "broken-vocabulary", "schema", "vocabularies", "sectors.yaml"), "- id: [\n");
    writeFileSync(join(dir, "a-file"), "");
    const runs: [string[], string][] = [
      [["frobnicate"], dir],
      [["build", "--bogus"], dir],
      [["build", "--lang", "xx"], dir],
      [["check", "--format", "xml"], dir],
      [["check", "--cases", "nowhere"], dir],
      [["build", "--no-pdf", "--out", "a-file"], dir],
      [["check"], join(dir, "config-is-a-folder")],
      [["build", "--no-pdf"], join(dir, "config-is-a-folder")],
      [["check"], join(dir, "broken-vocabulary")],
      [["new"], dir],
      [["new", "Not_An_Id"], dir],
      [["schema", "extra"], dir],
    ];
    for (const [args, cwd] of runs) {
      const run = runCli(args, cwd);
      const what = `${args.join(" ")} in ${relative(dir, cwd) || "."}`;
      expect(run.code, what).toBeGreaterThan(0);
      expect(run.stderr, what).not.toMatch(/^\s+at .+\(.*:\d+:\d+\)$/m);
      expect(run.stderr, what).not.toMatch(/^casebook: unexpected error|hint: this is a bug/m);
      // A message and what to do: a hint, the usage pointer, or a diagnostic with its hint.
      expect(run.stderr + run.stdout, what).toMatch(/hint:|casebook --help|Usage:/);
    }
    // --debug adds the stack trace to the same message.
    const debug = runCli(["build", "--no-pdf", "--out", "a-file", "--debug"], dir);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/^casebook: .*\n {2}hint: /m);
    expect(debug.stderr).toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    const debugCheck = runCli(["check", "--debug"], join(dir, "broken-vocabulary"));
    expect(debugCheck.code).toBe(1);
    expect(debugCheck.stderr).toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(existsSync(join(dir, "dist"))).toBe(false);
  }, 240_000);
});
