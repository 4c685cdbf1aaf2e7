import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { assertOutputLocation, assertReplaceable, outputLockPath, writeAtomically } from "./atomic-output.js";
import { sortDiagnostics } from "../diagnostics/diagnostic.js";
import { ProjectError, requireCasesDir, type Project } from "./open-project.js";
import { themeFolder } from "./theme-folder.js";
import { BuildCache } from "../cache/build-cache.js";
import type { BuildSettings } from "../cache/build-inputs.js";
import type { CasebookConfig } from "../../schema/config.js";
import type { RenderPool } from "./render-pool.js";
import { caseFolderCount } from "./thread-count.js";
import { OutputChangedError, OutputUpdate } from "./output-update.js";
import { listOutput, type OutputListing } from "../cache/build-record.js";
import { siteWriter, type SiteFiles } from "./site-writer.js";
import type { SiteBuild } from "./write-site.js";
import { relatedIds } from "../cache/related-cache.js";
import { indexRecordPath } from "../search/index-record.js";
import { buildDate, type BuildOptions, type BuildResult } from "./build-options.js";

export { buildDate, type BuildOptions, type BuildResult };

/** Validates everything first; renders and writes the output only when no file has an error. */
export async function buildCasebook(project: Project, options: BuildOptions): Promise<BuildResult> {
  requireCasesDir(project);
  const cache = options.cache && project.config ? BuildCache.open(cacheSettings(project, project.config, options), options.waitForSearch) : undefined;
  const unchanged = await cache?.unchanged<Pick<BuildResult, "pages" | "cases" | "print">>();
  if (unchanged) return { ok: true, diagnostics: unchanged.diagnostics, sources: unchanged.sources, ...unchanged.summary };
  // A few case bodies edited: only their pages are made again (see quick-build.ts).
  const quick = cache && (await (await import("./quick-build.js")).quickBuild(project, options, cache));
  if (quick) return quick;
  // When every case will be rendered, the rendering threads start now and load the renderer while
  // this thread loads and checks the cases (about a second of a cold build at 4,000 cases).
  const { RenderPool, renderThreads } = await import("./render-pool.js");
  const threads = cache?.hasPreviousBuild ? 1 : renderThreads(caseFolderCount(project.casesDir), options.threads);
  const pool = threads > 1 ? new RenderPool(threads) : undefined;
  try {
    return await buildWith(project, options, cache, pool);
  } finally {
    await pool?.close();
  }
}

async function buildWith(project: Project, options: BuildOptions, cache: BuildCache | undefined, pool: RenderPool | undefined): Promise<BuildResult> {
  // The stages are imported only now: a build that changed nothing returns above without loading them.
  const [{ loadCases }, { linkCasebook }, { writeSite }] = await Promise.all([import("./load-cases.js"), import("../link/link-casebook.js"), import("./write-site.js")]);
  const { loaded, validated } = loadCases(project.casesDir, project.cwd, {
    vocabularies: project.vocabularies,
    currentYear: project.currentYear,
    ...(cache ? { cache: { loads: cache.loads, folders: cache.inputs.cases } } : {}),
  });
  const sources = new Map(project.sources);
  for (const file of loaded.files) if (file.source) sources.set(file.ref.display, file.source.text);
  const diagnostics = sortDiagnostics([...project.diagnostics, ...validated.diagnostics]);
  const result: BuildResult = { ok: false, diagnostics, sources, pages: 0, cases: 0 };
  if (diagnostics.some((d) => d.fatal)) return result;
  if (!project.config)
    throw new ProjectError("There is no casebook.config.yaml in this folder.", "Create one (see the bundled casebook.config.yaml) to give the casebook its title, edition, languages and base URL.");
  const config = options.languages?.length ? { ...project.config, languages: options.languages } : project.config;
  const book = linkCasebook(validated, loaded, { config, vocabularies: project.vocabularies, includeDrafts: options.includeDrafts ?? false });
  const themeDir = themeFolder(project, config.theme);
  // What Casebook did not write is refused first (its message names the folder), then the places a
  // build must never replace even when empty or marked: the project, the cases folder and inside it.
  assertReplaceable(resolve(options.out));
  assertOutputLocation(options.out, project);
  const previousSearchIndex = cache?.previousSearchIndex();
  // After a build into the same output that is still exactly as it was left, only what differs is
  // written (see output-update.ts); otherwise a fresh output is written and swapped in.
  const previousOutput = await cache?.previousOutput();
  let site: SiteBuild | undefined;
  cache?.replacing();
  // The threads started early serve the first attempt only (writeSite stops them when it is done).
  let prestarted = pool;
  const write = async (dir: string, files?: SiteFiles) => {
    const date = options.date ?? buildDate();
    const started = prestarted;
    prestarted = undefined;
    // A fresh output may carry the current one's search index (see writeSite), under that output's lock.
    files ??= siteWriter(join(dir, "site"), outputLockPath(resolve(options.out)));
    site = await writeSite(book, join(dir, "site"), { themeDir, buildDate: date, withPdf: options.pdf, edition: options.edition, threads: options.threads, pool: started, files, ...(cache ? { cache: { pages: cache.pages, inputs: cache.inputs, related: cache.related }, previousSearchIndex, searchRecord: indexRecordPath(cache.dir, cache.out) } : {}) });
    result.pages = site.pages;
    if (options.pdf) {
      const [{ printCasebook }, { readBookIntros }] = await Promise.all([import("../print/print-casebook.js"), import("../print/introduction.js")]);
      result.print = await printCasebook(book, {
        themeDir,
        buildDate: date,
        intros: readBookIntros(project.cwd),
        bookDir: join(project.cwd, "book"),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        output: (pdf) => {
          for (const file of pdf.files) {
            mkdirSync(dirname(join(dir, file)), { recursive: true });
            writeFileSync(join(dir, file), pdf.bytes);
          }
        },
      });
    }
  };
  const update = previousOutput ? new OutputUpdate(resolve(options.out), previousOutput, previousOutput.marker) : undefined;
  // Another build changed the output meanwhile: this one writes all of it.
  const keepWhole = (error: unknown) => (error instanceof OutputChangedError ? undefined : Promise.reject(error));
  // What the output holds, for the build record: listed under the output's lock, right after the
  // swap or the update, before another build can change it.
  const listing: OutputListing | undefined =
    (await update?.write((dir) => write(dir, update.siteFiles("site"))).catch(keepWhole)) ??
    (await writeAtomically(options.out, (dir) => write(dir), cache ? listOutput : undefined));
  result.cases = book.cases.length;
  result.ok = true;
  if (cache && listing && site) {
    await cache.remember({ pages: result.pages, cases: result.cases, ...(result.print ? { print: result.print } : {}) }, diagnostics, sources, site.deferredSearch, listing);
    // What a quick build after a body edit takes instead of loading every case (a site without PDFs only).
    if (!options.pdf)
      cache.quick.writeBase({
        key: cache.inputs.key,
        shared: cache.inputs.shared,
        folders: cache.inputs.cases,
        caseIds: [...validated.byCase.keys()],
        book,
        related: new Map(relatedIds(site.related)),
        strings: site.strings,
        searchPages: site.searchPages,
      });
  }
  return result;
}

/** What the cache fingerprints besides the cases: every input and option that changes the output. */
function cacheSettings(project: Project, config: CasebookConfig, options: BuildOptions): BuildSettings {
  return {
    cwd: project.cwd,
    casesDir: project.casesDir,
    out: resolve(options.out),
    vocabulariesDir: project.vocabulariesDir,
    themeDir: themeFolder(project, config.theme),
    configSources: project.sources,
    options: {
      languages: options.languages ?? null,
      pdf: options.pdf,
      includeDrafts: options.includeDrafts ?? false,
      edition: options.edition ?? null,
      date: options.date ?? null,
      // Without SOURCE_DATE_EPOCH, an unchanged build keeps the previous output and its build date.
      epoch: process.env["SOURCE_DATE_EPOCH"] ?? null,
      year: project.currentYear,
    },
  };
}


