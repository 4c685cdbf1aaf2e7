import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { loadCasebook } from "../load/load-casebook.js";
import type { Casebook } from "../link/casebook-model.js";
import { linkCasebook } from "../link/link-casebook.js";
import { sortDiagnostics } from "../diagnostics/diagnostic.js";
import { relatedIndex } from "../site/components/related-cases.js";
import { renderCasePages, renderListings, renderShared, type SiteOptions } from "../site/render-site.js";
import { loadThemeStrings } from "../site/theme-strings.js";
import { validateCasebook } from "../validate/validate-casebook.js";
import { buildDate } from "../build/build-casebook.js";
import { openProject, type Project } from "../build/open-project.js";
import { themeFolder } from "../build/theme-folder.js";
import { writeSite } from "../build/write-site.js";

export interface PreviewResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** Case ids whose pages were rendered again. */
  updated: string[];
  /** True when everything was rebuilt (first run, or a change to the theme, schema or config). */
  full: boolean;
}

/**
 * The preview's build: drafts included, no PDF, written in place into `dir`. After the first full
 * build, a change to cases re-renders only the changed cases and the listings; the search index
 * and data files follow in a background full build.
 */
export class PreviewSite {
  #hashes = new Map<string, string>();
  #frontmatters = new Map<string, string>();
  #book: Casebook | undefined;
  #background: Promise<void> = Promise.resolve();

  constructor(
    readonly cwd: string,
    readonly dir: string,
    readonly casesOption?: string,
  ) {}

  /** Rebuilds after `changed` paths (empty or undefined: everything). */
  async update(changed?: readonly string[]): Promise<PreviewResult> {
    const project = openProject({ cwd: this.cwd, cases: this.casesOption });
    const loaded = loadCasebook(project.casesDir, project.cwd);
    const validated = validateCasebook(loaded, { vocabularies: project.vocabularies, currentYear: project.currentYear });
    const diagnostics = sortDiagnostics([...project.diagnostics, ...validated.diagnostics]);
    const sources = new Map(project.sources);
    for (const file of loaded.files) if (file.source) sources.set(file.ref.display, file.source.text);
    const result: PreviewResult = { ok: false, diagnostics, sources, updated: [], full: false };
    if (diagnostics.some((d) => d.fatal) || !project.config) return result;
    const book = linkCasebook(validated, loaded, { config: project.config, vocabularies: project.vocabularies, includeDrafts: true });
    const hashes = new Map(loaded.files.map((f) => [f.ref.display, hash(f.source?.text ?? "")]));
    const frontmatters = new Map(loaded.files.map((f) => [f.ref.display, hash(f.source?.text.slice(0, f.bodyOffset ?? 0) ?? "")]));
    const onlyCases = changed !== undefined && changed.length > 0 && this.#book !== undefined && changed.every((p) => p.startsWith(project.casesDir));
    const sameCases = this.#book !== undefined && sameIds(this.#book, book);
    await this.#background;
    if (onlyCases && sameCases) {
      const changedFiles = loaded.files.filter((f) => this.#hashes.get(f.ref.display) !== hashes.get(f.ref.display));
      const touched = new Set(changedFiles.map((f) => f.ref.id));
      // Listings show only frontmatter (titles, summaries, facets): a body edit leaves them as they are.
      const listings = changedFiles.some((f) => this.#frontmatters.get(f.ref.display) !== frontmatters.get(f.ref.display));
      this.#renderPages(book, project, touched, listings);
      result.updated = [...touched];
    } else {
      rmSync(this.dir, { recursive: true, force: true });
      await writeSite(book, this.dir, { themeDir: themeFolder(project, project.config.theme), buildDate: buildDate(), withPdf: false });
      result.full = true;
      result.updated = book.cases.map((c) => c.id);
    }
    this.#hashes = hashes;
    this.#frontmatters = frontmatters;
    this.#book = book;
    if (!result.full && result.updated.length > 0) this.#background = this.#indexInBackground(book, project);
    result.ok = true;
    return result;
  }

  /** Waits for the background work (search index, data files) to finish. */
  settled(): Promise<void> {
    return this.#background;
  }

  #renderPages(book: Casebook, project: Project, ids: ReadonlySet<string>, listings: boolean): void {
    const options: SiteOptions = {
      strings: loadThemeStrings(themeFolder(project, book.config.theme)),
      buildDate: buildDate(),
      withPdf: false,
      related: relatedIndex(book.cases),
    };
    const pages = [
      ...(listings ? [...renderShared(book, options), ...book.languages.flatMap((lang) => renderListings(book, lang, options))] : []),
      ...book.cases.filter((c) => ids.has(c.id)).flatMap((entry) => renderCasePages(book, entry, options)),
    ];
    for (const page of pages) {
      const target = join(this.dir, page.file);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, page.html);
    }
  }

  /** A full build into a fresh folder, swapped in file by file: the search index catches up. */
  async #indexInBackground(book: Casebook, project: Project): Promise<void> {
    try {
      await writeSite(book, this.dir, { themeDir: themeFolder(project, book.config.theme), buildDate: buildDate(), withPdf: false });
    } catch {
      // The next change rebuilds; the preview keeps serving what it has.
    }
  }
}

function hash(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

function sameIds(a: Casebook, b: Casebook): boolean {
  return a.cases.length === b.cases.length && a.cases.every((c, i) => c.id === b.cases[i]?.id);
}
