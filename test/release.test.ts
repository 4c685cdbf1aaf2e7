import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manifestSchema, type Manifest } from "../src/release/manifest-schema.js";
import { EDITIONS, HISTORY, projectAt, release } from "./helpers/release-history.js";
import { runCli, type CliRun } from "./helpers/run-cli.js";
import { removeProjects } from "./helpers/remove-projects.js";

const EXPECTED = join(HISTORY, "expected");
const UPDATE = process.env["UPDATE"] === "1";
const temp: string[] = [];
afterAll(() => removeProjects(temp));
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temp.push(dir);
  return dir;
};

/** Every file under a folder by relative path, with its SHA-256 and modification time. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(join(folder, entry.name), `${path}/`);
      else files.set(path, `${createHash("sha256").update(readFileSync(join(folder, entry.name))).digest("hex")} ${statSync(join(folder, entry.name)).mtimeMs}`);
    }
  };
  walk(dir, "");
  return files;
}

const readManifest = (dir: string, version: string): Manifest => manifestSchema.parse(JSON.parse(readFileSync(join(dir, "dist", "releases", version, "manifest.json"), "utf8")));
const releases = (dir: string) => join(dir, "dist", "releases");

/** The project after releasing the three editions of the history one after the other. */
let project = "";
const runs: Record<string, CliRun> = {};
beforeAll(() => {
  project = tempDir("casebook-release-history-");
  for (const edition of EDITIONS) {
    projectAt(edition, project);
    runs[edition] = release(project, edition);
  }
}, 180_000);

describe("casebook release: a history of three editions", () => {
  it("releases each edition and says what changed", () => {
    for (const edition of EDITIONS) expect(runs[edition], edition).toMatchObject({ code: 0, stderr: "" });
    expect(runs["2024"]!.stdout).toContain("Changes since the beginning (first edition): 4 added, 0 updated, 0 translated, 0 renamed, 0 withdrawn");
    expect(runs["2025"]!.stdout).toContain("Changes since edition 2024: 1 added, 1 updated, 1 translated, 1 renamed, 0 withdrawn");
    expect(runs["2025.1"]!.stdout).toContain("Changes since edition 2025: 0 added, 1 updated, 0 translated, 0 renamed, 1 withdrawn");
    expect(readdirSync(releases(project)).sort()).toEqual(["2024", "2024.tar.gz", "2025", "2025.1", "2025.1.tar.gz", "2025.tar.gz"]);
  });

  // The manifests are compared whole except for the artifact list (its checksums change with the
  // theme), which the next test verifies against the files themselves.
  it.each(EDITIONS)("writes the manifest of %s exactly", (edition) => {
    const { artifacts, ...rest } = readManifest(project, edition);
    expect(artifacts.length).toBeGreaterThan(0);
    const file = join(EXPECTED, `${edition}.manifest.json`);
    if (UPDATE) writeFileSync(file, `${JSON.stringify(rest, null, 2)}\n`);
    expect(rest).toEqual(JSON.parse(readFileSync(file, "utf8")));
    // Each language's hash is the SHA-256 of its file as committed; the case's hash is over those lines.
    const sha = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
    for (const c of rest.cases) {
      const lines = Object.entries(c.languages).map(([lang, v]) => {
        expect(v!.hash, `${c.id}/${lang}`).toBe(sha(readFileSync(join(HISTORY, edition, "cases", c.id, `${lang}.md`))));
        return `${lang} ${v!.hash}\n`;
      });
      expect(c.hash, c.id).toBe(sha(lines.join("")));
    }
  });

  it.each(EDITIONS)("writes the changelog of %s exactly, as Markdown and as a page in every language", (edition) => {
    const markdown = readFileSync(join(releases(project), edition, "changelog.md"), "utf8");
    const file = join(EXPECTED, `${edition}.changelog.md`);
    if (UPDATE) writeFileSync(file, markdown);
    expect(markdown).toBe(readFileSync(file, "utf8"));
    for (const lang of ["en", "fr"]) expect(existsSync(join(releases(project), edition, "site", lang, "changelog", "index.html")), lang).toBe(true);
  });

  it("lists every file of the edition in the manifest, with the right size and SHA-256, sorted", () => {
    for (const edition of EDITIONS) {
      const dir = join(releases(project), edition);
      const { artifacts } = readManifest(project, edition);
      const files = [...snapshot(dir).keys()].filter((p) => p !== "manifest.json").sort();
      expect(artifacts.map((a) => a.path)).toEqual(files);
      for (const artifact of artifacts) {
        const bytes = readFileSync(join(dir, artifact.path));
        expect({ size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") }, artifact.path).toEqual({ size: artifact.size, sha256: artifact.sha256 });
      }
      expect(artifacts.map((a) => a.path)).toEqual(expect.arrayContaining(["changelog.md", "site/data/cases.json", "site/data/cases.csv", "site/en/index.html"]));
    }
  });

  it("archives the edition: the .tar.gz holds exactly the folder, under <version>/, owned by root and dated by the edition", () => {
    for (const edition of EDITIONS) {
      const out = tempDir("casebook-release-untar-");
      execFileSync("tar", ["-xzf", join(releases(project), `${edition}.tar.gz`), "-C", out]);
      expect(readdirSync(out)).toEqual([edition]);
      const unpacked = snapshot(join(out, edition));
      const folder = snapshot(join(releases(project), edition));
      expect([...unpacked.keys()].sort()).toEqual([...folder.keys()].sort());
      for (const [path, value] of unpacked) expect(value.split(" ")[0], path).toBe(folder.get(path)!.split(" ")[0]);
      const listing = execFileSync("tar", ["-tvzf", join(releases(project), `${edition}.tar.gz`), "--numeric-owner", "--full-time"], { encoding: "utf8", env: { ...process.env, TZ: "UTC" } }).trim().split("\n");
      const { date } = readManifest(project, edition);
      const stamp = date.replace("T", " ").replace("Z", "");
      for (const line of listing) expect(line, line).toMatch(new RegExp(`^[-d]rw[-x]r-[-x]r-[-x] 0/0 +\\d+ ${stamp} ${edition.replace(".", "\\.")}/`));
      // Entries are sorted: each folder's children in code-unit order.
      const names = listing.map((l) => l.split(" ").at(-1)!);
      expect(names[0]).toBe(`${edition}/`);
      const top = names.map((n) => n.slice(edition.length + 1)).filter((n) => n !== "" && !n.replace(/\/$/, "").includes("/"));
      expect(top).toEqual(["changelog.md", "manifest.json", "site/"]);
      expect(names.slice(1, 3)).toEqual([`${edition}/changelog.md`, `${edition}/manifest.json`]);
    }
  });

  it("stamps the edition on every page: a banner with the version, its changes and the other editions", () => {
    const site = join(releases(project), "2025.1", "site");
    for (const page of ["en/index.html", "fr/cases/beta-nursing/index.html", "en/cases/gamma-logistics/index.html", "404.html"]) {
      const html = readFileSync(join(site, page), "utf8");
      const banner = /<aside class="edition-banner"[^]*?<\/aside>/.exec(html)?.[0] ?? "";
      expect(banner, page).toMatch(/<strong>(Edition|Édition) 2025\.1<\/strong>/);
      expect(banner, page).toContain('href="https://casebook.example.org/editions/2025/">2025</a>');
      expect(banner, page).toContain('href="https://casebook.example.org/editions/2024/">2024</a>');
      expect(banner, page).toMatch(/href="\/(en|fr)\/changelog\/"/);
    }
    const first = readFileSync(join(releases(project), "2024", "site", "en", "index.html"), "utf8");
    expect(first).toContain("<strong>Edition 2024</strong> · 1 January 2024 ·");
    expect(first).not.toContain("edition-others");
  });

  it("names the edition in the open data and in every case's citation", () => {
    const site = join(releases(project), "2025.1", "site");
    const data = JSON.parse(readFileSync(join(site, "data", "cases.json"), "utf8")) as { edition: string; cases: { id: string }[]; retired: unknown[] };
    expect(data.edition).toBe("2025.1");
    expect(data.cases.map((c) => c.id)).toEqual(["alpha-welding", "beta-nursing", "epsilon-solar", "zambia-farm-machinery-school"]);
    expect(data.retired).toEqual([
      {
        id: "farm-school",
        status: "renamed",
        replacedBy: "zambia-farm-machinery-school",
        reason: null,
        urls: { en: "https://casebook.example.org/en/cases/farm-school/", fr: "https://casebook.example.org/fr/cases/farm-school/" },
      },
      {
        id: "gamma-logistics",
        status: "withdrawn",
        replacedBy: null,
        reason: {
          en: "The partners asked for the case to be taken down, pending a review of its figures.",
          fr: "Les partenaires ont demandé le retrait du cas, en attendant une vérification de ses chiffres.",
        },
        urls: { en: "https://casebook.example.org/en/cases/gamma-logistics/", fr: "https://casebook.example.org/fr/cases/gamma-logistics/" },
      },
    ]);
    const csv = readFileSync(join(site, "data", "cases.csv"), "utf8").split("\r\n");
    expect(csv.find((l) => l.startsWith("gamma-logistics,"))).toMatch(/^gamma-logistics,,en,,,https:\/\/casebook\.example\.org\/en\/cases\/gamma-logistics\/,,,,withdrawn,/);
    const page = readFileSync(join(site, "en", "cases", "alpha-welding", "index.html"), "utf8");
    expect(page).toContain("(2025.1 ed.)");
    expect(page).toMatch(/edition\s*=\s*\{2025\.1 ed\.\}/);
  });

  it("answers at a withdrawn case's URL with a page that says why, kept out of search engines and the sitemap", () => {
    const site = join(releases(project), "2025.1", "site");
    const html = readFileSync(join(site, "fr", "cases", "gamma-logistics", "index.html"), "utf8");
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain("<h1>Cas retiré</h1>");
    expect(html).toContain("Les partenaires ont demandé le retrait du cas, en attendant une vérification de ses chiffres.");
    const sitemap = readFileSync(join(site, "sitemap.xml"), "utf8");
    expect(sitemap).not.toContain("gamma-logistics");
    expect(sitemap).not.toContain("farm-school/");
    expect(sitemap).toContain("/zambia-farm-machinery-school/");
  });

  it("leaves drafts out of every edition", () => {
    for (const edition of EDITIONS) {
      expect(readManifest(project, edition).cases.map((c) => c.id)).not.toContain("delta-rail");
      expect(existsSync(join(releases(project), edition, "site", "en", "cases", "delta-rail")), edition).toBe(false);
    }
    expect(existsSync(join(HISTORY, "2025.1", "cases", "delta-rail", "en.md"))).toBe(true);
  });
});

describe("casebook release: rebuilt later", () => {
  it("gives the same folder and archive byte for byte", () => {
    const again = projectAt("2024");
    temp.push(again);
    expect(release(again, "2024")).toMatchObject({ code: 0 });
    expect(readFileSync(join(releases(again), "2024.tar.gz")).equals(readFileSync(join(releases(project), "2024.tar.gz")))).toBe(true);
    expect(readFileSync(join(releases(again), "2024", "manifest.json"), "utf8")).toBe(readFileSync(join(releases(project), "2024", "manifest.json"), "utf8"));
  });
});

describe("casebook release: refusals", () => {
  /** A project with edition 2024 released, the state of 2025 checked out, and a snapshot of the releases. */
  function afterFirst(): { dir: string; before: Map<string, string> } {
    const dir = projectAt("2024");
    temp.push(dir);
    cpSync(join(releases(project), "2024"), join(releases(dir), "2024"), { recursive: true, preserveTimestamps: true });
    cpSync(join(releases(project), "2024.tar.gz"), join(releases(dir), "2024.tar.gz"), { preserveTimestamps: true });
    projectAt("2025", dir);
    return { dir, before: snapshot(releases(dir)) };
  }

  /** Releases `version`, which must be refused with the releases folder left as `before`; the error text. */
  function refused(dir: string, before: Map<string, string>, version: string): string {
    const run = release(dir, version);
    expect(run.code, version).toBe(1);
    expect(snapshot(releases(dir))).toEqual(before);
    return run.stderr;
  }

  it("refuses a version that already exists, without touching it", () => {
    const { dir, before } = afterFirst();
    expect(refused(dir, before, "2024")).toContain("Edition 2024 already exists");
  });

  it("refuses warnings (strict), names them, and writes nothing", () => {
    const { dir, before } = afterFirst();
    const en = join(dir, "cases", "epsilon-solar", "en.md");
    writeFileSync(en, readFileSync(en, "utf8").replace("## Lessons and transferability\n\nPlan the handover early.\n", ""));
    const stderr = refused(dir, before, "2025");
    expect(stderr).toContain("section-missing");
    expect(stderr).toContain("edition 2025 was not released");
    expect(runCli(["check"], dir).code).toBe(0);
  });

  it("does not count a draft's warnings: drafts are left out", () => {
    const { dir } = afterFirst();
    const draft = join(dir, "cases", "delta-rail", "en.md");
    writeFileSync(draft, readFileSync(draft, "utf8").replace("## Lessons and transferability\n\nPlan the handover early.\n", ""));
    expect(release(dir, "2025")).toMatchObject({ code: 0 });
  });

  it("refuses a case that disappeared without being declared renamed or withdrawn", () => {
    const { dir, before } = afterFirst();
    rmSync(join(dir, "cases", "beta-nursing"), { recursive: true });
    const stderr = refused(dir, before, "2025");
    expect(stderr).toContain('"beta-nursing" was in edition 2024 but is not in this one.');
    expect(stderr).toContain("hint: Declare it in casebook.config.yaml");
  });

  it("refuses a redirect to a case the edition leaves out (a draft)", () => {
    const { dir, before } = afterFirst();
    const en = join(dir, "cases", "zambia-farm-machinery-school", "en.md");
    writeFileSync(en, readFileSync(en, "utf8").replace("status: published", "status: draft"));
    expect(refused(dir, before, "2025")).toContain('"farm-school" redirects to "zambia-farm-machinery-school", which this edition leaves out (a draft).');
  });

  it("refuses a version that is neither semantic nor a year, and a missing one", () => {
    const { dir, before } = afterFirst();
    for (const version of ["v2025", "2025.01", "1.2"]) expect(refused(dir, before, version), version).toContain(`"${version}" is not an edition version.`);
    expect(runCli(["release"], dir).code).toBe(2);
    expect(snapshot(releases(dir))).toEqual(before);
  });

  it("leaves the other editions alone and adds its own beside them", () => {
    const { dir, before } = afterFirst();
    mkdirSync(join(releases(dir), "notes"));
    writeFileSync(join(releases(dir), "notes", "keep.txt"), "mine\n");
    expect(release(dir, "2025")).toMatchObject({ code: 0 });
    const after = snapshot(releases(dir));
    for (const [path, value] of before) expect(after.get(path), path).toBe(value);
    expect(readFileSync(join(releases(dir), "notes", "keep.txt"), "utf8")).toBe("mine\n");
    expect(readdirSync(releases(dir)).sort()).toEqual(["2024", "2024.tar.gz", "2025", "2025.tar.gz", "notes"]);
  });
});
