import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { fingerprintBuild, type BuildInputs, type BuildSettings } from "./build-inputs.js";
import { existsSync } from "node:fs";
import { ProjectError } from "../build/project-error.js";
import { runIndexJob, startIndexJob, type IndexJob } from "../search/deferred-index.js";
import { forgetBuild, readBuildRecord, writeBuildRecord, type BuildRecord, type OutputListing } from "./build-record.js";
import { diagnosticFromRecord, diagnosticRecord } from "./diagnostic-record.js";
import { FolderHashes } from "./folder-hashes.js";
import { PageCache } from "./page-cache.js";
import { LoadCache } from "./load-cache.js";
import { RelatedCache } from "./related-cache.js";
import { startOutputCheck, type OutputCheck } from "./output-check.js";
import { QuickStateStore, type QuickState } from "./quick-state.js";
import { hashText } from "./hash-tree.js";

/** The cache folder of a project: beside its cases, outside any output, safe to delete. */
export const CACHE_FOLDER = ".casebook-cache";

/** What a build reports, as the cache gives it back. */
export interface CachedReport<S> {
  summary: S;
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
}

/**
 * The cache of one build: the fingerprint of its inputs, the record of the previous build into
 * the same output, and the caches of case pages, loaded cases and related cases.
 */
export class BuildCache {
  readonly inputs: BuildInputs;
  readonly pages: PageCache;
  readonly loads: LoadCache;
  readonly related: RelatedCache;
  /** What a quick build needs of the previous build (see quick-build.ts). */
  readonly quick: QuickStateStore;
  readonly #previous: BuildRecord | undefined;
  readonly #folders: FolderHashes;
  /** Whether the output is exactly as the previous build left it (checked while the cases are fingerprinted). */
  readonly #check: Promise<OutputCheck>;
  #loadsWritten: Promise<void> | undefined;

  private constructor(
    readonly dir: string,
    readonly out: string,
    settings: BuildSettings,
    /** Make a search index left to the background before `remember` returns (see BuildOptions.waitForSearch). */
    readonly waitForSearch: boolean,
  ) {
    this.#previous = readBuildRecord(dir, settings.out);
    this.#check = this.#previous ? startOutputCheck(settings.out, this.#previous) : Promise.resolve({ intact: false, marker: "" });
    this.#folders = new FolderHashes(join(dir, "case-folders.json"));
    this.inputs = fingerprintBuild(settings, this.#folders);
    this.pages = new PageCache(join(dir, "pages"));
    this.loads = new LoadCache(join(dir, "loaded"), this.inputs.shared);
    this.related = new RelatedCache(join(dir, "related"), this.inputs.shared);
    // One state per output, as one record per output: builds into two folders keep both.
    this.quick = new QuickStateStore(join(dir, "quick", hashText(settings.out).slice(0, 24)));
  }

  static open(settings: BuildSettings, waitForSearch = false): BuildCache {
    return new BuildCache(join(settings.cwd, CACHE_FOLDER), settings.out, settings, waitForSearch);
  }

  /** The previous build's report, when nothing it read has changed and its output is exactly as it left it. */
  async unchanged<S>(): Promise<CachedReport<S> | undefined> {
    const record = this.#previous;
    if (!record || record.key !== this.inputs.key || record.searchPending || !(await this.#check).intact) return undefined;
    return this.previousReport<S>();
  }

  /** The previous build's report, whatever changed since. */
  previousReport<S>(): CachedReport<S> | undefined {
    const record = this.#previous;
    if (!record) return undefined;
    return {
      summary: record.summary as S,
      diagnostics: record.diagnostics.map(diagnosticFromRecord),
      sources: new Map(Object.entries(record.sources)),
    };
  }

  /**
   * The state the previous build into this output left for a quick build, when it is that build's
   * and the shared inputs (Casebook, configuration, vocabularies, theme, options) are unchanged.
   */
  quickState(): (QuickState & { replaced: number }) | undefined {
    const record = this.#previous;
    if (!record) return undefined;
    return this.quick.read(record.key, this.inputs.shared);
  }

  /**
   * What the previous build left in the output, when the output is exactly as it left it: a build
   * may then update that output in place rather than write all of it again (see output-update.ts).
   * `marker`: the stamp of the output's marker file, read before the output was found as it was.
   */
  async previousOutput(): Promise<(OutputListing & { marker: string }) | undefined> {
    const record = this.#previous;
    const check = await this.#check;
    return record && check.intact ? { files: record.files, folders: record.folders, marker: check.marker } : undefined;
  }

  /** Whether a build into this output was recorded: without one, every case page is rendered. */
  get hasPreviousBuild(): boolean {
    return this.#previous !== undefined;
  }

  /**
   * The previous build's search index, which the new output may carry until its own is ready in
   * the background: only when that build finished, its index included.
   */
  previousSearchIndex(): string | undefined {
    const index = join(this.out, "site", "pagefind");
    return this.#previous && !this.#previous.searchPending && existsSync(index) ? index : undefined;
  }

  /**
   * Forgets the previous build before the output is replaced, keeps the case folders' hashes and
   * starts writing the loaded cases' records (only now: a build refused before this point writes
   * nothing anywhere). `folderHashes`: false for a quick build, which changed a few folders: the
   * hashes kept before stay valid for every other folder, and those few are hashed again next time
   * (rewriting the stamps of every file of every case cost it 35 ms at 4,000 cases).
   */
  replacing(folderHashes = true): void {
    forgetBuild(this.dir, this.out);
    if (folderHashes) this.#folders.save();
    this.#loadsWritten = this.loads.flush();
  }

  /**
   * Records a finished build (after its output was swapped in or updated) and drops the pages it did
   * not use. `listing`: what the output held when the build left it (listed under the output's lock).
   * `prune`: false for a quick build, which looked up only the pages it changed (the cache keeps
   * the ones it replaced until the next full build).
   */
  async remember(summary: unknown, diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, pendingSearch: { path: string; file: string }[] | undefined, listing: OutputListing, prune = true): Promise<void> {
    const about = new Set(diagnostics.map((d) => d.file ?? ""));
    writeBuildRecord(this.dir, {
      format: 2,
      key: this.inputs.key,
      out: this.out,
      summary,
      diagnostics: diagnostics.map(diagnosticRecord),
      sources: Object.fromEntries([...sources].filter(([file]) => about.has(file))),
      ...listing,
      ...(pendingSearch ? { searchPending: true } : {}),
    });
    await this.#loadsWritten;
    if (prune) {
      this.pages.prune();
      this.loads.prune();
    }
    if (!pendingSearch) return;
    const job: IndexJob = { out: this.out, key: this.inputs.key, cacheDir: this.dir, pages: pendingSearch };
    if (!this.waitForSearch) return startIndexJob(job);
    try {
      await runIndexJob(job);
    } catch (error) {
      // The site is written and recorded with its search pending: the next build makes the index.
      throw new ProjectError(
        `the site was written, but its search index could not be made: ${error instanceof Error ? error.message : String(error)}`,
        "run the same build again; it makes the search index (the site keeps the previous one meanwhile).",
      );
    }
  }
}
