import { rmSync } from "node:fs";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { CasebookReloader } from "../load/reload-casebook.js";
import type { Casebook } from "../link/casebook-model.js";
import { linkCasebook } from "../link/link-casebook.js";
import { sortDiagnostics } from "../diagnostics/diagnostic.js";
import type { SitemapPage } from "../site/feeds/sitemap.js";
import { renderCasePages, renderListings, renderPermalinks, renderShared, type RenderedPage, type SiteOptions } from "../site/render-site.js";
import { loadThemeStrings } from "../site/theme-strings.js";
import { paths } from "../site/urls.js";
import { validateCasebook } from "../validate/validate-casebook.js";
import type { FileValidationMemo } from "../validate/validate-loaded.js";
import { createCaseSchemas, type CaseSchemas } from "../../schema/case.js";
import { buildDate } from "../build/build-casebook.js";
import { openProject, type Project } from "../build/open-project.js";
import { copyCaseMedia, siteWriter } from "../build/site-writer.js";
import { themeFolder } from "../build/theme-folder.js";
import { writeSite, writeSiteData, type SiteBuild } from "../build/write-site.js";
import { PreviewKeys, sameCaseIds, type PreviewPageKeys } from "./preview-keys.js";
import { PreviewSearch } from "./preview-search.js";

export interface PreviewResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** Case ids whose pages were rendered again. */
  updated: string[];
  /** True when everything was rebuilt (first run, or a change to the theme, schema or config). */
  full: boolean;
}

/** What the preview holds between updates, from its last full build on. */
interface PreviewState {
  project: Project;
  schemas: CaseSchemas;
  memo: FileValidationMemo;
  reloader: CasebookReloader;
  keys: PreviewKeys;
  /** The theme's strings (a change to the theme makes a full build). */
  strings?: SiteOptions["strings"];
  /** The casebook whose pages are in the folder now. */
  book?: Casebook;
  /** The pages the search index and the sitemap hold, by file, in the site's order. */
  searchPages: Map<string, { path: string; file: string }>;
  listed: Map<string, SitemapPage>;
}

/**
 * The preview's build: drafts included, no PDF, written in place into `dir`. After the first full
 * build, a change to cases reads only the files that changed, and renders again only the pages
 * whose inputs changed (the same keys as the build cache's: a case, its neighbours and related
 * cases; the listings when any frontmatter changed). The search index follows in the background
 * and never holds up the next update.
 */
export class PreviewSite {
  #state: PreviewState | undefined;
  readonly #search: PreviewSearch;

  constructor(
    readonly cwd: string,
    readonly dir: string,
    readonly casesOption?: string,
    /** Told when a search index lands in the preview (see PreviewSearch). */
    onSearchIndexed?: (pages: number, ms: number) => void,
  ) {
    this.#search = new PreviewSearch(dir, onSearchIndexed);
  }

  /** Rebuilds after `changed` paths (empty or undefined: everything). */
  async update(changed?: readonly string[]): Promise<PreviewResult> {
    const previous = this.#state;
    const onlyCases = changed !== undefined && changed.length > 0 && previous?.book !== undefined && changed.every((p) => p.startsWith(previous.project.casesDir));
    const state = onlyCases ? previous! : this.#fresh();
    const { project } = state;
    const loaded = state.reloader.load(onlyCases ? changed : undefined);
    const validated = validateCasebook(loaded, { vocabularies: project.vocabularies, currentYear: project.currentYear, schemas: state.schemas, memo: state.memo });
    const diagnostics = sortDiagnostics([...project.diagnostics, ...validated.diagnostics]);
    const sources = new Map(project.sources);
    for (const file of loaded.files) if (file.source) sources.set(file.ref.display, file.source.text);
    const result: PreviewResult = { ok: false, diagnostics, sources, updated: [], full: false };
    // The next change starts from this state, whatever the outcome: its files are read already.
    this.#state = state;
    if (diagnostics.some((d) => d.fatal) || !project.config) return result;
    const book = linkCasebook(validated, loaded, { config: project.config, vocabularies: project.vocabularies, includeDrafts: true });
    const { keys, related } = state.keys.of(book, loaded);
    state.strings ??= loadThemeStrings(themeFolder(project, project.config.theme));
    const options: SiteOptions = { strings: state.strings, buildDate: buildDate(), withPdf: false, related };
    if (onlyCases && state.book && sameCaseIds(state.book, book)) {
      result.updated = this.#renderChanged(book, state, keys, options);
    } else {
      await this.#search.stop();
      // The pages are served as soon as they are written; the search index follows. Until it does,
      // the previous one (if any) stays, as after an edit.
      const kept = this.#search.keepIndex();
      let site: SiteBuild;
      try {
        rmSync(this.dir, { recursive: true, force: true });
        site = await writeSite(book, this.dir, { themeDir: themeFolder(project, project.config.theme), buildDate: options.buildDate, withPdf: false, search: false });
      } finally {
        this.#search.restoreIndex(kept);
      }
      state.searchPages = new Map(site.searchPages.map((p) => [p.file, p]));
      state.listed = new Map(site.listed.map((p) => [p.path, p]));
      result.full = true;
      result.updated = book.cases.map((c) => c.id);
    }
    state.keys.remember(keys);
    state.book = book;
    if (result.updated.length > 0) this.#search.refresh([...state.searchPages.values()]);
    result.ok = true;
    return result;
  }

  /** Waits for the background work (the search index) to finish. */
  settled(): Promise<void> {
    return this.#search.settled();
  }

  /** Drops the background work (on exit: the folder is about to be removed). */
  stop(): Promise<void> {
    return this.#search.stop();
  }

  /** Everything read anew: the project, the schemas and every file. */
  #fresh(): PreviewState {
    const project = openProject({ cwd: this.cwd, cases: this.casesOption });
    return {
      project,
      schemas: createCaseSchemas(project.vocabularies),
      memo: new WeakMap(),
      reloader: new CasebookReloader(project.casesDir, project.cwd),
      keys: new PreviewKeys(),
      searchPages: new Map(),
      listed: new Map(),
    };
  }

  /** Renders the pages whose keys changed, in place; returns the cases whose pages were rendered. */
  #renderChanged(book: Casebook, state: PreviewState, keys: PreviewPageKeys, options: SiteOptions): string[] {
    const files = siteWriter(this.dir);
    const write = files.write;
    const changed = book.cases.filter((entry) => state.keys.changed(keys, entry.id));
    const listings = state.keys.listingsChanged(keys);
    const place = (page: RenderedPage) => {
      write(page.file, page.html);
      if (page.searchable) state.searchPages.set(page.file, { path: page.path, file: page.file });
      if (page.path !== paths.notFound() && !page.unlisted) state.listed.set(page.path, { path: page.path, alternates: page.alternates });
    };
    for (const entry of changed) {
      for (const page of renderCasePages(book, entry, options)) place(page);
      copyCaseMedia(entry, files);
    }
    if (listings) {
      for (const page of renderShared(book, options)) place(page);
      for (const lang of book.languages) for (const page of renderListings(book, lang, options)) place(page);
      for (const page of renderPermalinks(book, options)) place(page);
      writeSiteData(book, write, options.buildDate, [...state.listed.values()]);
    }
    return changed.map((entry) => entry.id);
  }
}
