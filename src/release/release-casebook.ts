import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Language } from "../../schema/languages.js";
import { markOutput, OUTPUT_MARKER, RELEASES_FOLDER, outputLockPath, recoverOutput } from "../build/atomic-output.js";
import { withOutputLock } from "../build/output-lock.js";
import { buildCasebook } from "../build/build-casebook.js";
import { ProjectError, requireCasesDir, type Project } from "../build/open-project.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { linkCasebook } from "../link/link-casebook.js";
import { localize } from "../link/localize.js";
import { loadCasebook } from "../load/load-casebook.js";
import type { PrintProgress } from "../print/print-casebook.js";
import { validateCasebook } from "../validate/validate-casebook.js";
import { listArtifacts } from "./artifacts.js";
import { caseHashes } from "./case-hashes.js";
import { computeChangelog, UndeclaredRemovalError } from "./changelog.js";
import { changelogMarkdown } from "./changelog-markdown.js";
import { editionArchive } from "./edition-archive.js";
import { editionDate } from "./edition-date.js";
import type { Changelog, EditionStamp } from "./edition-model.js";
import { compareVersions, isEditionVersion } from "./edition-version.js";
import { manifestText, type Manifest } from "./manifest-schema.js";
import { previousEdition, readEditions } from "./previous-editions.js";
import { loadThemeStrings, translator } from "../site/theme-strings.js";
import { themeFolder } from "../build/theme-folder.js";

export interface ReleaseOptions {
  version: string;
  /** The output folder; editions go to `<out>/releases/`. */
  out: string;
  pdf: boolean;
  onProgress?: (progress: PrintProgress) => void;
}

export interface ReleaseResult {
  ok: boolean;
  /** Every diagnostic of the check; those that stopped the release are `blocking`. */
  diagnostics: Diagnostic[];
  blocking: Diagnostic[];
  sources: Map<string, string>;
  dir: string;
  archive: string;
  manifest?: Manifest;
  changelog?: Changelog;
}

/** A release that may not go ahead, with what to do: nothing was written. */
export class ReleaseRefused extends ProjectError {
  override name = "ReleaseRefused";
}

/**
 * Makes an edition: checks strictly (any error or warning on a released file stops it), leaves
 * drafts out, builds the site and PDFs stamped with the edition into a staging folder, adds the
 * changelog and the manifest, archives it, and only then moves it to `<out>/releases/<version>/`
 * beside `<version>.tar.gz`. Earlier editions are read, never written.
 */
export async function releaseCasebook(project: Project, options: ReleaseOptions): Promise<ReleaseResult> {
  const { version } = options;
  if (!isEditionVersion(version))
    throw new ReleaseRefused(`"${version}" is not an edition version.`, "Use a semantic version such as 1.2.0, or a year edition such as 2025 or 2025.1.");
  // An output left aside by a build killed mid-swap holds the earlier editions: put it back first.
  recoverOutput(options.out);
  const releasesDir = join(options.out, RELEASES_FOLDER);
  const dir = join(releasesDir, version);
  const archive = `${dir}.tar.gz`;
  if (existsSync(dir) || existsSync(archive))
    throw new ReleaseRefused(`Edition ${version} already exists in ${releasesDir}; it was left as it is.`, "An edition is never overwritten: release a new version, or move the old edition away yourself if you are sure.");
  requireCasesDir(project);
  if (!project.config) throw new ProjectError("There is no casebook.config.yaml in this folder.", "Create one to give the casebook its title, languages and base URL.");

  const loaded = loadCasebook(project.casesDir, project.cwd);
  const validated = validateCasebook(loaded, { vocabularies: project.vocabularies, currentYear: project.currentYear });
  const sources = new Map(project.sources);
  for (const file of loaded.files) if (file.source) sources.set(file.ref.display, file.source.text);
  const diagnostics = sortDiagnostics([...project.diagnostics, ...validated.diagnostics]);
  const result: ReleaseResult = { ok: false, diagnostics, blocking: [], sources, dir, archive };
  const config = { ...project.config, edition: version };
  const book = linkCasebook(validated, loaded, { config, vocabularies: project.vocabularies, includeDrafts: false });
  // Strict: every error, and every warning except on drafts (which the edition leaves out).
  const released = new Set(book.cases.flatMap((c) => [...c.versions.values()].map((v) => v.sourcePath)));
  const caseFiles = new Set(loaded.files.map((f) => f.ref.display));
  result.blocking = diagnostics.filter((d) => d.fatal || !caseFiles.has(String(d.file)) || released.has(String(d.file)));
  if (result.blocking.length > 0) return result;

  const unpublished = Object.entries(config.redirects).filter(([, to]) => !book.byId.has(to));
  if (unpublished.length > 0)
    throw new ReleaseRefused(
      `${unpublished.map(([from, to]) => `"${from}" redirects to "${to}"`).join(", ")}, which this edition leaves out (a draft).`,
      "Publish the case the redirect leads to, or wait with the redirect until it is published.",
    );
  const date = editionDate(project.cwd);
  const editions = readEditions(releasesDir);
  const previous = previousEdition(editions, version);
  const current = {
    version,
    date,
    cases: caseHashes(book),
    redirects: Object.fromEntries(Object.entries(config.redirects).sort(([a], [b]) => (a < b ? -1 : 1))),
    withdrawn: [...config.withdrawn]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((w) => ({ id: w.id, reason: Object.fromEntries(book.languages.map((l) => [l, localize(w.reason, l)])) as Partial<Record<Language, string>> })),
  };
  let changelog: Changelog;
  try {
    changelog = computeChangelog(current, previous);
  } catch (error) {
    if (!(error instanceof UndeclaredRemovalError)) throw error;
    throw new ReleaseRefused(
      `${error.message} Its URL must keep leading somewhere true.`,
      "Declare it in casebook.config.yaml: under `redirects` (old id: new id) if it was renamed, or under `withdrawn` (id and reason) if it was taken out.",
    );
  }
  const urlOf = (v: string) => (config.editionUrl ?? `${config.baseUrl.replace(/\/?$/, "/")}editions/{version}/`).replaceAll("{version}", v);
  const versions = [...new Set([...editions.map((e) => e.version), version])].sort(compareVersions).reverse();
  const stamp: EditionStamp = { version, date, editions: versions.map((v) => ({ version: v, url: urlOf(v) })), changelog };

  // A new output folder is marked as Casebook's, so that a later build accepts it (and keeps its releases).
  if (!existsSync(options.out) || readdirSync(options.out).length === 0) {
    mkdirSync(options.out, { recursive: true });
    markOutput(options.out);
  }
  mkdirSync(releasesDir, { recursive: true });
  const staging = join(releasesDir, `.${version}.staging-${process.pid}-${Date.now().toString(36)}`);
  const archiveTemp = `${staging}.tar.gz`;
  try {
    const built = await buildCasebook(
      { ...project, config },
      { out: staging, pdf: options.pdf, date, edition: stamp, includeDrafts: false, ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
    );
    if (!built.ok) {
      result.blocking = built.diagnostics;
      return result;
    }
    // An edition folder is not a build output: no later build may replace it.
    rmSync(join(staging, OUTPUT_MARKER), { force: true });
    const t = translator(loadThemeStrings(themeFolder(project, config.theme)), config.defaultLanguage);
    writeFileSync(join(staging, "changelog.md"), changelogMarkdown(changelog, t, config.defaultLanguage, config.baseUrl));
    const manifest: Manifest = { manifest: 1, ...current, previous: changelog.previous, artifacts: listArtifacts(staging, new Set(["manifest.json"])) };
    writeFileSync(join(staging, "manifest.json"), manifestText(manifest));
    writeFileSync(archiveTemp, editionArchive(staging, version, Math.floor(Date.parse(date) / 1000)));
    // Under the output lock: a build swapping the output meanwhile moves the releases folder.
    withOutputLock(outputLockPath(options.out), () => {
      if (existsSync(dir) || existsSync(archive)) throw new ReleaseRefused(`Edition ${version} appeared in ${releasesDir} while this one was being made; it was left as it is.`, "Release a new version.");
      renameSync(staging, dir);
      renameSync(archiveTemp, archive);
    });
    result.manifest = manifest;
    result.changelog = changelog;
    result.ok = true;
    return result;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(archiveTemp, { force: true });
  }
}

