import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_ASSETS_PER_CASE } from "../src/load/list-case-assets.js";
import { MAX_SVG_BYTES } from "../src/load/inspect-asset.js";
import { MAX_FRONTMATTER_BYTES, MAX_FRONTMATTER_DEPTH } from "../src/load/parse-frontmatter.js";
import { MAX_CASE_FILE_BYTES } from "../src/load/read-case-file.js";
import { MAX_BLOCK_NESTING, MAX_INLINE_MARKERS } from "../src/markdown/markdown-limits.js";
import { PIXEL_PNG } from "./fixtures/hostile/hostile-casebook.js";
import { CLEAN_EN, removeScratch, scratchCasebook, withBody } from "./fixtures/hostile/scratch-casebook.js";
import { BIN, ROOT } from "./helpers/run-cli.js";

/**
 * Issue 5, hostile sizes: each input ends in a clear diagnostic or a build, never in a crash, a stack
 * trace or a hang. Inputs are generated here, in temp folders. Time is bounded by the hang guard (the
 * command is killed after HANG_GUARD) and memory by a heap limit (MAX_HEAP_MB); measured times and
 * peaks are in SECURITY.md.
 */
afterAll(removeScratch);

const HANG_GUARD = 240_000;
/** The heap every command below must fit in (the worst case measured is in SECURITY.md). */
const MAX_HEAP_MB = 1024;
const EN = "cases/welding-centre/en.md";

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
}

function cli(args: string[], cwd: string): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    // Bounded memory: a JavaScript heap over MAX_HEAP_MB ends the command with "heap out of memory".
    env: { ...process.env, NO_COLOR: "1", GITHUB_ACTIONS: "", NODE_OPTIONS: `${process.env["NODE_OPTIONS"] ?? ""} --max-old-space-size=${MAX_HEAP_MB}` },
    timeout: HANG_GUARD,
    maxBuffer: 512 * 1024 * 1024,
  });
  return { code: result.status, signal: result.signal, out: `${result.stdout}${result.stderr}` };
}

/** Not killed by the hang guard, no crash, no stack trace, no "unexpected error". */
function expectControlled(run: Run, what: string): void {
  expect(run.signal, `${what}: killed by the hang guard`).toBeNull();
  expect(run.out, what).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(run.out, what).not.toMatch(/unexpected error|Maximum call stack|heap out of memory|FATAL ERROR/);
}

/** A scratch casebook whose English case is `text` (the French translation removed). */
function casebookWith(text: string | Buffer): string {
  const dir = scratchCasebook("casebook-limits-");
  writeFileSync(join(dir, "cases/welding-centre/fr.md"), CLEAN_EN.replace("title:", "translatedFrom: en\ntitle:").replace(/^countries:[\s\S]*?^status:/m, "status:"));
  writeFileSync(join(dir, EN), text);
  return dir;
}

/** Frontmatter of the clean case with `extra` YAML lines added before the closing `---`. */
const withFrontmatter = (extra: string) => CLEAN_EN.replace(/\n---\n/, `\n${extra}\n---\n`);


/**
 * Every hostile input that must end in a diagnostic is one case of a single casebook, checked by
 * one run of `casebook check --format json`, so the suite pays for one process, not twenty.
 */
const SCENARIOS: Record<string, { text?: string | (() => string); files?: (folder: string) => void; rule: string }> = {
  "a-20-mb-case": { text: () => withBody("lorem ipsum dolor sit amet. ".repeat((20 * 1024 * 1024) / 28)), rule: "file-too-large" },
  "lists-on-one-line": { text: () => withBody(`${"- ".repeat(10_000)}item`), rule: "body-too-complex" },
  "ordered-lists-on-one-line": { text: () => withBody(`${"1. ".repeat(10_000)}item`), rule: "body-too-complex" },
  // By indentation 10,000 levels would be 100 MB; 1,400 fill the 2 MB a file may have.
  "lists-by-indentation": { text: () => withBody(Array.from({ length: 1400 }, (_, i) => `${"  ".repeat(i)}- item`).join("\n")), rule: "body-too-complex" },
  "quotes-on-one-line": { text: () => withBody(`${">".repeat(10_000)} deep`), rule: "body-too-complex" },
  "quotes-one-more-per-line": { text: () => withBody(Array.from({ length: 1400 }, (_, i) => `${">".repeat(i + 1)} q`).join("\n")), rule: "body-too-complex" },
  "nested-emphasis": { text: () => withBody(`${"*a ".repeat(10_000)}b${"*".repeat(10_000)}`), rule: "body-too-complex" },
  "nested-links": { text: () => withBody(`${"[".repeat(10_000)}x${"](y)".repeat(10_000)}`), rule: "body-too-complex" },
  "nested-images": { text: () => withBody(`${"![".repeat(10_000)}x${"](y)".repeat(10_000)}`), rule: "body-too-complex" },
  "code-spans": { text: () => withBody(Array.from({ length: 1000 }, (_, i) => "`".repeat(i + 1)).join(" a ")), rule: "body-too-complex" },
  "emphasis-over-lines": { text: () => withBody(Array.from({ length: 10_000 }, () => "*a").join("\n")), rule: "body-too-complex" },
  "emphasis-in-a-quote": { text: () => withBody(Array.from({ length: 10_000 }, () => "> *a _b").join("\n")), rule: "body-too-complex" },
  "alias-bomb": {
    text: () =>
      withFrontmatter(
        `l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(",")}]`).join("\n")}`,
      ),
    rule: "frontmatter-alias",
  },
  "yaml-block-nesting": { text: () => withFrontmatter(`${Array.from({ length: 250 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n")} x`), rule: "frontmatter-" },
  "yaml-flow-sequences": { text: () => withFrontmatter(`deep: ${"[".repeat(30_000)}${"]".repeat(30_000)}`), rule: "frontmatter-syntax" },
  "yaml-flow-mappings": { text: () => withFrontmatter(`deep: ${"{a: ".repeat(10_000)}1${"}".repeat(10_000)}`), rule: "frontmatter-syntax" },
  "yaml-huge-flow": { text: () => withFrontmatter(`deep: ${"[".repeat(100_000)}${"]".repeat(100_000)}`), rule: "file-too-large" },
  "keys-100000": { text: () => withFrontmatter(Array.from({ length: 100_000 }, (_, i) => `key${i}: v`).join("\n")), rule: "file-too-large" },
  "files-50000-in-images": {
    files: (folder) => {
      mkdirSync(join(folder, "images"));
      for (let i = 0; i < 50_000; i++) writeFileSync(join(folder, "images", `f${i}.png`), "");
    },
    rule: "assets-too-many",
  },
  "files-20000-beside-the-case": {
    files: (folder) => {
      for (let i = 0; i < 20_000; i++) writeFileSync(join(folder, `f${i}.txt`), "");
    },
    rule: "stray-file",
  },
  "images-5000-missing": { text: () => withBody(Array.from({ length: 5000 }, (_, i) => `![image ${i}](images/i${i}.png)`).join("\n\n")), rule: "image-missing" },
};

/** A diagnostic about the case folder itself, or a file in it. */
const inCase = (file: string, id: string) => file === `cases/${id}` || file.startsWith(`cases/${id}/`);

describe("hostile sizes end in a clear diagnostic", () => {
  let run: Run;
  let found: { file: string; ruleId: string; message: string }[] = [];
  beforeAll(() => {
    const dir = scratchCasebook("casebook-limits-");
    for (const [id, scenario] of Object.entries(SCENARIOS)) {
      const folder = join(dir, "cases", id);
      mkdirSync(folder);
      const text = typeof scenario.text === "function" ? scenario.text() : (scenario.text ?? CLEAN_EN);
      writeFileSync(join(folder, "en.md"), text);
      scenario.files?.(folder);
    }
    run = cli(["check", "--format", "json"], dir);
    found = run.signal ? [] : (JSON.parse(run.out.slice(0, run.out.lastIndexOf("]") + 1)) as typeof found);
  }, HANG_GUARD + 60_000);

  it("in one check that ends by itself, with no crash and no stack trace", () => {
    expectControlled(run, "check");
    expect(run.code).toBe(1);
  });

  for (const [id, { rule }] of Object.entries(SCENARIOS))
    it(`${id}: ${rule}`, () => {
      const mine = found.filter((d) => inCase(d.file, id));
      expect(mine.map((d) => d.ruleId).some((r) => r.startsWith(rule)), JSON.stringify(mine.slice(0, 3))).toBe(true);
    });

  it("says what the limits are", () => {
    const message = (id: string) => found.find((d) => inCase(d.file, id))?.message ?? "";
    expect(message("a-20-mb-case")).toContain(`at most ${MAX_CASE_FILE_BYTES / 1024 / 1024} MB`);
    expect(message("keys-100000")).toContain(`at most ${MAX_FRONTMATTER_BYTES / 1024} KB`);
    expect(message("files-50000-in-images")).toContain(`more than ${MAX_ASSETS_PER_CASE} files`);
    expect(message("lists-on-one-line")).toContain(`more than ${MAX_BLOCK_NESTING} levels`);
    expect(message("nested-emphasis")).toContain(`more than ${MAX_INLINE_MARKERS} Markdown markers`);
  });

  it("are the limits README and SECURITY.md document", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const security = readFileSync(join(ROOT, "SECURITY.md"), "utf8");
    const n = (x: number) => x.toLocaleString("en-US");
    for (const row of [
      `| a case file | ${MAX_CASE_FILE_BYTES / 1024 / 1024} MB |`,
      `| its frontmatter | ${MAX_FRONTMATTER_BYTES / 1024} KB |`,
      `| YAML nesting | ${MAX_FRONTMATTER_DEPTH} levels;`,
      `| Markdown lists and block quotes nested | ${MAX_BLOCK_NESTING} levels |`,
      `| Markdown inline markers in one paragraph | ${n(MAX_INLINE_MARKERS)} |`,
      `| files in a case's \`images/\` | ${n(MAX_ASSETS_PER_CASE)} |`,
      `| an SVG | ${MAX_SVG_BYTES / 1024 / 1024} MB,`,
    ])
      expect(readme).toContain(row);
    for (const text of [`${MAX_CASE_FILE_BYTES / 1024 / 1024} MB (\`MAX_CASE_FILE_BYTES\`)`, `${MAX_FRONTMATTER_BYTES / 1024} KB (\`MAX_FRONTMATTER_BYTES\`)`, `${MAX_FRONTMATTER_DEPTH} levels`, `${MAX_BLOCK_NESTING} levels`, `${n(MAX_INLINE_MARKERS)} \``, `${n(MAX_ASSETS_PER_CASE)} (\`MAX_ASSETS_PER_CASE\`)`, `${MAX_SVG_BYTES / 1024 / 1024} MB`])
      expect(security).toContain(text);
  });

  it("reports every one of many problems, and never expands an alias", () => {
    expect(found.filter((d) => d.file.startsWith("cases/images-5000-missing/")).length).toBe(5000);
    expect(found.filter((d) => d.file.startsWith("cases/files-20000-beside-the-case/") && d.ruleId === "stray-file").length).toBe(20_000);
    expect(run.out.length).toBeLessThan(50 * 1024 * 1024);
  });
});

describe("thousands of diagnostics in a big file", () => {
  it("are all printed, with code frames for the first ones only, in bounded time", () => {
    const many = Array.from({ length: 6000 }, (_, i) => `k${i}: 1`).join("\n");
    const run = cli(["check"], casebookWith(withBody("lorem ipsum dolor sit amet\n".repeat(60_000), withFrontmatter(many))));
    expectControlled(run, "6,000 keys");
    expect(run.out.match(/frontmatter-unknown-key/g)?.length).toBe(6000);
  });
});

describe("hostile sizes that are allowed build", () => {
  it("a 1 MB line, 3,000 images, 10,000 nested raw <div>s and the most complex Markdown allowed", () => {
    const dir = casebookWith(withBody(`${"word ".repeat(200_000)}\n\n${"x".repeat(1024 * 1024)}`));
    const add = (id: string, body: string, images = 0) => {
      mkdirSync(join(dir, "cases", id, "images"), { recursive: true });
      for (let i = 0; i < images; i++) writeFileSync(join(dir, "cases", id, "images", `i${i}.png`), PIXEL_PNG);
      writeFileSync(join(dir, "cases", id, "en.md"), withBody(body));
    };
    add("many-images", Array.from({ length: 3000 }, (_, i) => `![image ${i}](images/i${i}.png)`).join("\n\n"), 3000);
    add("deep-html", `${"<div>".repeat(10_000)}deep${"</div>".repeat(10_000)}\n\n${"<span>".repeat(3000)}x`);
    add("complex-markdown", [
      `${"- ".repeat(MAX_BLOCK_NESTING)}deepest item`,
      `${">".repeat(MAX_BLOCK_NESTING)} deepest quote`,
      `${"*a ".repeat(MAX_INLINE_MARKERS / 2)}b${"*".repeat(MAX_INLINE_MARKERS / 2)}`,
    ].join("\n\n"));
    const check = cli(["check"], dir);
    expectControlled(check, "check");
    expect(check.code, check.out.slice(0, 3000)).toBe(0);
    const build = cli(["build", "--no-pdf"], dir);
    expectControlled(build, "build");
    expect(build.code, build.out.slice(0, 3000)).toBe(0);
    const site = join(dir, "dist/site");
    expect(existsSync(join(site, "media/many-images/images/i2999.png"))).toBe(true);
    const deep = readFileSync(join(site, "en/cases/deep-html/index.html"), "utf8");
    expect(deep).toContain("deep");
    expect(readFileSync(join(site, "en/cases/complex-markdown/index.html"), "utf8")).toContain("deepest quote");
    expect(readFileSync(join(site, "en/cases/welding-centre/index.html"), "utf8").length).toBeGreaterThan(2_000_000);
  }, HANG_GUARD * 2);
});
