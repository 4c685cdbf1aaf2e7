import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCasebook } from "../bench/generate-cases.js";
import { yamlStringOnly } from "../bench/generator/yaml-text.js";
import { ROOT, runCli } from "./helpers/run-cli.js";
import { removeProjects } from "./helpers/remove-projects.js";

const temp: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "casebook-bench-gen-"));
  temp.push(dir);
  return dir;
}
afterAll(() => removeProjects(temp));

/** Every file under `dir`, as relative path → bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

describe("bench: the case generator", () => {
  for (const seed of [1, 20250611]) {
    it(`writes 30 cases that pass \`casebook check\` with no diagnostic at all (seed ${seed})`, () => {
      const project = scratch();
      copyFileSync(join(ROOT, "casebook.config.yaml"), join(project, "casebook.config.yaml"));
      const result = generateCasebook({ count: 30, seed, dir: join(project, "cases") });
      expect(result.cases).toBe(30);

      const run = runCli(["check", "--cases", "cases", "--format", "json"], project);
      expect(run.stderr).toBe("");
      expect(JSON.parse(run.stdout)).toEqual([]);
      expect(run.code).toBe(0);
    });
  }

  it("is deterministic: the same seed writes byte-identical files, another seed other files", () => {
    const a = generateCasebook({ count: 30, seed: 42, dir: join(scratch(), "cases") });
    const b = generateCasebook({ count: 30, seed: 42, dir: join(scratch(), "cases") });
    const c = generateCasebook({ count: 30, seed: 43, dir: join(scratch(), "cases") });
    const [sa, sb, sc] = [snapshot(a.dir), snapshot(b.dir), snapshot(c.dir)];
    expect([...sa.keys()]).toEqual([...sb.keys()]);
    for (const [file, bytes] of sa) expect(bytes.equals(sb.get(file)!), file).toBe(true);
    expect([...sa.keys()]).not.toEqual([...sc.keys()]);
  });

  it("has the sample casebook's mix: lengths, tables, lists, footnotes, images, outcomes, links, translations", () => {
    const gen = generateCasebook({ count: 200, seed: 3, dir: join(scratch(), "cases") });
    expect(gen.words.min).toBeGreaterThanOrEqual(600);
    expect(gen.words.max).toBeLessThanOrEqual(1500);
    const translated = gen.translations.zh + gen.translations.fr + gen.translations.ru;
    expect(translated / gen.cases).toBeGreaterThan(0.15);
    expect(translated / gen.cases).toBeLessThan(0.35);
    expect(Math.min(gen.translations.zh, gen.translations.fr, gen.translations.ru)).toBeGreaterThan(0);

    const texts = gen.ids.map((id) => readFileSync(join(gen.dir, id, "en.md"), "utf8"));
    const share = (re: RegExp) => texts.filter((t) => re.test(t)).length / texts.length;
    expect(share(/^\|---\|---:\|/m)).toBeGreaterThan(0.4); // GFM tables
    expect(share(/^- /m)).toBe(1); // lists
    expect(share(/^1\. /m)).toBe(1);
    expect(share(/^\[\^1\]: /m)).toBeGreaterThan(0.4); // footnotes
    expect(share(/!\[[^\]]+\]\(images\/figure-1\.svg/)).toBeGreaterThan(0.25); // figures
    expect(share(/^cover:/m)).toBeGreaterThan(0.3);
    expect(share(/^outcomes:\n {2}- metric:/m)).toBe(1);
    const links = texts.flatMap((t) => [...t.matchAll(/\(case:([a-z0-9-]+)\)/g)].map((m) => m[1]!));
    expect(links.length / texts.length).toBeGreaterThan(1.2);
    expect(links.every((id) => gen.ids.includes(id))).toBe(true);
  });

  it("refuses to write into the repository's cases/ or into a folder that is not empty", () => {
    expect(() => generateCasebook({ count: 1, seed: 1, dir: join(ROOT, "cases") })).toThrow(/cases folder/);
    expect(() => generateCasebook({ count: 1, seed: 1, dir: join(ROOT, "cases", "new-one") })).toThrow(/cases folder/);
    expect(() => generateCasebook({ count: 1, seed: 1, dir: ROOT })).toThrow(/not empty/);
  });
});

describe("bench: YAML text of the generator", () => {
  it("quotes a hex hash that YAML would read as a number, and only then", () => {
    expect(yamlStringOnly("a6970d5d56eb")).toBe("a6970d5d56eb");
    expect(yamlStringOnly("044602145471")).toBe('"044602145471"');
    expect(yamlStringOnly("54598338e247")).toBe('"54598338e247"');
    expect(yamlStringOnly("23276780e006")).toBe('"23276780e006"');
  });
});
