import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkCasebook } from "../src/build/check-casebook.js";
import { openProject } from "../src/build/open-project.js";
import { linkCasebook } from "../src/link/link-casebook.js";
import { loadCasebook } from "../src/load/load-casebook.js";
import { sourceHash } from "../src/translations/source-hash.js";
import { ROOT, runCli } from "./helpers/run-cli.js";
import { removeProjects } from "./helpers/remove-projects.js";

const CLEAN = join(import.meta.dirname, "fixtures", "check", "clean");
const EN = "cases/welding-centre/en.md";
const FR = "cases/welding-centre/fr.md";
const temp: string[] = [];
afterAll(() => removeProjects(temp));

/** A copy of the clean fixture (an English original and a current French translation) with a config. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "casebook-translations-"));
  temp.push(dir);
  cpSync(CLEAN, dir, { recursive: true });
  rmSync(join(dir, "expected.txt"));
  cpSync(join(ROOT, "casebook.config.yaml"), join(dir, "casebook.config.yaml"));
  return dir;
}
const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");
const edit = (dir: string, file: string, change: (text: string) => string) => writeFileSync(join(dir, file), change(read(dir, file)));
/** The headings of a file's body (the frontmatter's comments also start with `#`). */
const headings = (text: string) => text.slice(text.indexOf("\n---\n") + 5).match(/^#+ .*$/gm);
const rules = (dir: string) =>
  (JSON.parse(runCli(["check", "--format", "json"], dir).stdout) as { ruleId: string; file: string; line: number; column: number }[]).map(
    (d) => `${d.ruleId} ${d.file}:${d.line}:${d.column}`,
  );

describe("sourceHash", () => {
  it("is the first 12 hex digits of SHA-256 over [title, summary, tags] as JSON, a newline and the trimmed body", () => {
    const body = "\n## Context\n\nText.\n\n";
    const expected = createHash("sha256").update('["A title","A summary",["a","b"]]\n## Context\n\nText.', "utf8").digest("hex").slice(0, 12);
    expect(sourceHash({ title: "A title", summary: "A summary", tags: ["a", "b"], body })).toBe(expected);
    expect(sourceHash({ title: "A title", summary: "A summary", tags: undefined, body: "x" })).toBe(
      createHash("sha256").update('["A title","A summary",null]\nx').digest("hex").slice(0, 12),
    );
  });

  it("is what the clean fixture's translation records", () => {
    const dir = scratch();
    const [original] = loadCasebook(join(dir, "cases"), dir).files;
    const data = original!.frontmatter!.data!;
    const hash = sourceHash({ title: data["title"], summary: data["summary"], tags: data["tags"], body: original!.body! });
    expect(read(dir, FR)).toContain(`sourceHash: ${hash}\n`);
  });
});

describe("stale translations", () => {
  it("warns translation-stale at sourceHash after the original's text changes, and stops after stamp", () => {
    const dir = scratch();
    expect(runCli(["check", "--strict"], dir)).toMatchObject({ code: 0, stdout: "" });
    edit(dir, EN, (t) => t.replace("## Context\n\nA fixture.", "## Context\n\nA fixture, with a new paragraph.\n\nAnother one."));

    const check = runCli(["check"], dir);
    expect(check.code).toBe(0); // a warning only
    expect(check.stdout).toContain(`${FR}:3:13  warning  The original (en.md) has changed since this translation was made`);
    expect(check.stdout).toContain("hint: Bring the translation up to date with en.md");
    expect(check.stdout).toContain("`casebook stamp welding-centre --lang fr`");
    expect(runCli(["check", "--strict"], dir).code).toBe(1);

    const before = read(dir, FR);
    const stamp = runCli(["stamp", "welding-centre", "--lang", "fr"], dir);
    expect(stamp).toMatchObject({ code: 0, stderr: "" });
    expect(stamp.stdout).toMatch(/^cases\/welding-centre\/fr\.md: sourceHash [0-9a-f]{12} → [0-9a-f]{12}\./);
    const after = read(dir, FR);
    // Only the sourceHash line changed.
    expect(after.split("\n").filter((l, i) => l !== before.split("\n")[i])).toEqual([expect.stringMatching(/^sourceHash: [0-9a-f]{12}$/)]);
    expect(runCli(["check", "--strict"], dir)).toMatchObject({ code: 0, stdout: "" });

    const again = runCli(["stamp", "welding-centre", "--lang", "fr"], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("already records the current version");
    expect(read(dir, FR)).toBe(after);
  });

  it("ignores editorial fields, inherited fields, YAML layout and blank lines around the body", () => {
    const dir = scratch();
    edit(dir, EN, (t) =>
      t
        .replace("status: published", "status: review")
        .replace("published: 2025-10-30", "published: 2025-10-30\nupdated: 2025-12-01")
        .replace("  end: 2024", "  end: 2025")
        .replace("title: Welding skills centre in Almaty", 'title: "Welding skills centre in Almaty"')
        .concat("\n\n\n"),
    );
    expect(rules(dir)).toEqual([]);
    edit(dir, EN, (t) => t.replace("title: \"Welding skills centre in Almaty\"", "title: Welding skills centre in Astana"));
    expect(rules(dir)).toEqual([`translation-stale ${FR}:3:13`]);
  });

  it("warns translation-unversioned at translatedFrom when there is no sourceHash; stamp adds one after it", () => {
    const dir = scratch();
    edit(dir, FR, (t) => t.replace(/^sourceHash: .*\n/m, ""));
    expect(rules(dir)).toEqual([`translation-unversioned ${FR}:2:17`]);
    expect(runCli(["stamp", "welding-centre", "--lang", "fr"], dir).stdout).toContain("sourceHash (none) → ");
    expect(read(dir, FR)).toMatch(/^---\ntranslatedFrom: en\nsourceHash: [0-9a-f]{12}\ntitle: /);
    expect(rules(dir)).toEqual([]);
  });

  it("accepts a longer prefix of the digest, and keeps a file's BOM and CRLF line endings when stamping", () => {
    const dir = scratch();
    const hash = /sourceHash: (\w+)/.exec(read(dir, FR))![1]!;
    expect(rules(dir)).toEqual([]);
    edit(dir, FR, (t) => `\ufeff${t.replace(`sourceHash: ${hash}`, 'sourceHash: "0123456789abcdef"').replace(/\n/g, "\r\n")}`);
    expect(rules(dir)).toEqual([`file-bom ${FR}:1:1`, `file-line-endings ${FR}:1:4`, `translation-stale ${FR}:3:13`]);
    expect(runCli(["stamp", "welding-centre", "--lang", "fr"], dir).code).toBe(0);
    const text = read(dir, FR);
    expect(text.startsWith("\ufeff---\r\ntranslatedFrom: en\r\nsourceHash: ")).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).toContain(`sourceHash: ${hash}\r\n`);
  });

  it("refuses what it cannot stamp, without writing", () => {
    const dir = scratch();
    const en = read(dir, EN);
    expect(runCli(["stamp", "welding-centre", "--lang", "en"], dir)).toMatchObject({ code: 1, stderr: expect.stringContaining("is the original") });
    expect(runCli(["stamp", "welding-centre", "--lang", "zh"], dir)).toMatchObject({ code: 1, stderr: expect.stringContaining("has no zh.md") });
    expect(runCli(["stamp", "nowhere", "--lang", "fr"], dir)).toMatchObject({ code: 1, stderr: expect.stringContaining("There is no case `nowhere`") });
    expect(runCli(["stamp", "welding-centre"], dir).code).toBe(2);
    expect(runCli(["stamp", "welding-centre", "--lang", "de"], dir).code).toBe(2);
    edit(dir, FR, (t) => t.replace("translatedFrom: en", "translatedFrom: ru"));
    expect(runCli(["stamp", "welding-centre", "--lang", "fr"], dir)).toMatchObject({ code: 1, stderr: expect.stringContaining("cannot be compared") });
    expect(read(dir, EN)).toBe(en);
  });

  it("marks stale and unversioned translations on the link model", () => {
    const dir = scratch();
    const link = () => {
      const project = openProject({ cwd: dir });
      const { casebook } = checkCasebook(project);
      const book = linkCasebook(casebook, loadCasebook(project.casesDir, dir), { config: project.config!, vocabularies: project.vocabularies, includeDrafts: true });
      const versions = book.byId.get("welding-centre")!.versions;
      return { en: versions.get("en")!, fr: versions.get("fr")! };
    };
    expect(link().en).toMatchObject({ stale: false, sourceState: undefined });
    expect(link().fr).toMatchObject({ stale: false, sourceState: "current" });
    edit(dir, EN, (t) => t.replace("A fixture.", "A changed fixture."));
    expect(link().fr).toMatchObject({ stale: true, sourceState: "stale" });
    edit(dir, FR, (t) => t.replace(/^sourceHash: .*\n/m, ""));
    expect(link().fr).toMatchObject({ stale: true, sourceState: "unversioned" });
  });
});

describe("casebook new --translate", () => {
  it("writes a draft translation stamped with the original's version, headings localized, that passes check", () => {
    const dir = scratch();
    const run = runCli(["new", "welding-centre", "--translate", "--lang", "zh"], dir);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("Created cases/welding-centre/zh.md, a draft translation of en.md");
    const text = read(dir, "cases/welding-centre/zh.md");
    const hash = /sourceHash: (\w+)/.exec(read(dir, FR))![1];
    expect(text).toMatch(new RegExp(`^---\\ntranslatedFrom: en\\nsourceHash: ${hash}\\n`));
    expect(text).toContain("#   title: Welding skills centre in Almaty\n");
    expect(text).toContain("status: draft\n");
    expect(headings(text)).toEqual(["## 背景", "## 合作模式", "## 实施过程", "## 成效", "## 经验与可推广性"]);
    expect(existsSync(join(dir, "cases/welding-centre/images"))).toBe(false);
    expect(runCli(["check", "--strict"], dir)).toMatchObject({ code: 0, stdout: "" });
  });

  it("keeps headings that are not recommended sections as they are, at their level", () => {
    const dir = scratch();
    edit(dir, EN, (t) => t.replace("## Implementation\n", "## Implementation\n\n### Phase one\n\nText.\n"));
    expect(runCli(["new", "welding-centre", "--translate", "--lang", "ru"], dir).code).toBe(0);
    expect(headings(read(dir, "cases/welding-centre/ru.md"))).toEqual([
      "## Контекст",
      "## Модель",
      "## Реализация",
      "### Phase one",
      "## Результаты",
      "## Уроки и тиражируемость",
    ]);
  });

  it("refuses an existing file, the original's language, a missing case, and needs --lang", () => {
    const dir = scratch();
    const fr = read(dir, FR);
    expect(runCli(["new", "welding-centre", "--translate", "--lang", "fr"], dir)).toMatchObject({ code: 1, stderr: expect.stringContaining("already exists") });
    expect(read(dir, FR)).toBe(fr);
    expect(runCli(["new", "welding-centre", "--translate", "--lang", "en"], dir)).toMatchObject({ code: 1, stderr: expect.stringContaining("is the original") });
    expect(runCli(["new", "no-such-case", "--translate", "--lang", "zh"], dir)).toMatchObject({ code: 1, stderr: expect.stringContaining("no case") });
    expect(existsSync(join(dir, "cases/no-such-case"))).toBe(false);
    expect(runCli(["new", "welding-centre", "--translate"], dir).code).toBe(2);
  });
});
