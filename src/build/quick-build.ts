import { join, resolve } from "node:path";
import type { BuildCache, CachedReport } from "../cache/build-cache.js";
import { casePageKeys, casePageOptions } from "../cache/case-page-key.js";
import { listingFragment } from "../cache/listings-key.js";
import type { QuickState } from "../cache/quick-state.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Casebook, CaseEntry } from "../link/casebook-model.js";
import { linkCase } from "../link/link-casebook.js";
import { displayPath, findFolderFiles } from "../load/find-case-files.js";
import { listCaseAssets } from "../load/list-case-assets.js";
import { loadFile } from "../load/load-casebook.js";
import { validateCasebook } from "../validate/validate-casebook.js";
import { assertOutputLocation, assertReplaceable } from "./atomic-output.js";
import { buildDate, type BuildOptions, type BuildResult } from "./build-options.js";
import type { Project } from "./open-project.js";
import type { RenderedPage } from "../site/render-site.js";
import { OutputChangedError, OutputUpdate } from "./output-update.js";
import { copyCaseMedia } from "./site-writer.js";

/** At most this many changed case folders (and fewer than half of all) take the quick path. */
const QUICK_CASES = 16;
/**
 * Cases replaced since the last full build, beyond which a full build runs (and writes the whole
 * state again): each quick build reads and rewrites them all.
 */
const REPLACED_MAX = 64;

/**
 * The quick path of a build after a few case bodies were edited, as a contributor does between
 * two looks at the site. A full build reads, checks and keys every case to find that one page
 * changed (2.6–3.4 s at 4,000 cases); this one takes the casebook as the previous build left it
 * (see quick-state.ts), loads and checks only the changed case folders, and renders their pages
 * into the output in place. The search index follows in the background.
 *
 * It answers only when its output is the full build's, byte for byte, and so is its report: the
 * changed cases must have no error (their warnings are reported again, as the full build would)
 * and show the rest of the site nothing new (what the listings, the other cases' pages and
 * the open data show of them is unchanged: their frontmatter, titles, summaries, links, assets),
 * and the rest as the previous build left it (the same shared inputs, the same case folders, the
 * output exactly as recorded). Otherwise it returns undefined before it writes anything, and the
 * full build runs; also when another build changed the output while this one wrote its pages, and
 * then the full build writes the whole output.
 */
export async function quickBuild(project: Project, options: BuildOptions, cache: BuildCache): Promise<BuildResult | undefined> {
  let plan: QuickPlan | undefined;
  try {
    plan = await planQuickBuild(project, options, cache);
  } catch {
    // A damaged state (it is read lazily): the full build, which writes it again.
    return undefined;
  }
  if (!plan) return undefined;
  const { state, previous, changed, fresh, rendered, diagnostics, sources } = plan;
  const previousOutput = await cache.previousOutput();
  if (!previousOutput) return undefined;

  const out = resolve(options.out);
  assertReplaceable(out);
  assertOutputLocation(options.out, project);
  cache.replacing(false);
  const update = new OutputUpdate(out, previousOutput, previousOutput.marker);
  update.keepAll();
  let listing;
  try {
    listing = await update.write(async () => {
      const files = update.siteFiles("site");
      for (const { entry, key, before, pages } of rendered) {
        for (const page of pages) files.write(page.file, page.html);
        cache.pages.save(key, pages, (page) => files.pathOf(page.file));
        if (before !== key) cache.pages.drop(before);
        copyCaseMedia(entry, files);
      }
    });
  } catch (error) {
    // Another build changed the output meanwhile: the full build writes all of it.
    if (error instanceof OutputChangedError) return undefined;
    throw error;
  }
  await cache.remember(previous.summary, diagnostics, sources, state.searchPages, listing, false);
  const folders = new Map(changed.map((id) => [id, cache.inputs.cases.get(id)!]));
  cache.quick.writeDelta(cache.inputs.key, folders, [...fresh.values()]);
  return { ok: true, diagnostics, sources, pages: previous.summary.pages, cases: previous.summary.cases, updated: [...fresh.keys()] };
}

interface QuickPlan {
  state: QuickState;
  previous: CachedReport<Pick<BuildResult, "pages" | "cases">>;
  changed: string[];
  /** The changed cases' new entries, by id. */
  fresh: Map<string, CaseEntry>;
  /** Their pages, with the keys they are kept under now and were kept under before. */
  rendered: { entry: CaseEntry; key: string; before: string; pages: RenderedPage[] }[];
  /** The build's report: the previous one, with what it said of the changed cases said again. */
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
}

/** Whether the quick path applies, and then the changed cases' pages: reads, writes nothing. */
async function planQuickBuild(project: Project, options: BuildOptions, cache: BuildCache): Promise<QuickPlan | undefined> {
  if (options.pdf || !project.config) return undefined;
  const state = cache.quickState();
  const changed = state && changedFolders(cache.inputs.cases, state);
  const previous = cache.previousReport<Pick<BuildResult, "pages" | "cases">>();
  if (!state || !changed || !previous) return undefined;
  if (changed.length === 0 || changed.length > QUICK_CASES || changed.length * 2 >= state.folders.size || state.replaced + changed.length > REPLACED_MAX) return undefined;

  const book = state.book;
  const fresh = new Map<string, CaseEntry>();
  // The report: what the previous one said of other cases, and what the changed ones say now
  // (warnings only: a case with an error is left to the full build, which fails on it).
  let diagnostics = previous.diagnostics;
  const sources = new Map(previous.sources);
  for (const id of changed) {
    const before = book.byId.get(id);
    const display = displayPath(join(project.casesDir, id), project.cwd);
    const loaded = before && loadCase(project, id, state, options.includeDrafts ?? false);
    if (!loaded || listingFragment(loaded.entry) !== listingFragment(before)) return undefined;
    fresh.set(id, loaded.entry);
    diagnostics = [...diagnostics.filter((d) => d.file !== display && !d.file?.startsWith(`${display}/`)), ...loaded.diagnostics];
    for (const [file, text] of loaded.sources) sources.set(file, text);
  }
  diagnostics = sortDiagnostics(diagnostics);
  const cases = book.cases.map((entry) => fresh.get(entry.id) ?? entry);
  const quick: Casebook = { config: book.config, vocabularies: book.vocabularies, languages: book.languages, cases, byId: new Map(cases.map((entry) => [entry.id, entry])) };
  const related = new Map<string, CaseEntry[]>();
  for (const id of fresh.keys()) {
    const others = (state.related.get(id) ?? []).map((other) => quick.byId.get(other));
    if (others.some((other) => other === undefined)) return undefined;
    related.set(id, others as CaseEntry[]);
  }

  // Rendered while another thread checks the output against its record (see BuildCache).
  const { renderCasePages } = await import("../site/render-site.js");
  const siteOptions = { strings: state.strings, buildDate: options.date ?? buildDate(), withPdf: false, related, edition: options.edition };
  const keyOf = casePageKeys(quick, related, cache.inputs, casePageOptions(siteOptions));
  // The keys the previous build kept these cases' pages under: the same but for their folders' hashes.
  const keyBefore = casePageKeys(quick, related, { ...cache.inputs, cases: state.folders }, casePageOptions(siteOptions));
  const rendered = [...fresh.values()].map((entry) => ({ entry, key: keyOf(entry), before: keyBefore(entry), pages: renderCasePages(quick, entry, siteOptions) }));
  return { state, previous, changed, fresh, rendered, diagnostics, sources };
}

/**
 * The case folders whose content changed since the state was made, when the cases folder holds
 * the same names (a case added, removed or renamed changes the listings: a full build).
 */
function changedFolders(now: ReadonlyMap<string, string>, state: QuickState): string[] | undefined {
  if (now.size !== state.folders.size) return undefined;
  const changed: string[] = [];
  for (const [name, hash] of now) {
    const before = state.folders.get(name);
    if (before === undefined) return undefined;
    if (before !== hash) changed.push(name);
  }
  return changed;
}

/**
 * A changed case, loaded, checked and linked as a full build would, with its warnings and the
 * text of its files (for their code frames): undefined when it has an error or cannot be loaded.
 * Checked against the recorded case ids, it is reported as a check of the whole casebook reports
 * it (as `check`'s parallel batches are).
 */
function loadCase(project: Project, id: string, state: QuickState, includeDrafts: boolean): { entry: CaseEntry; diagnostics: Diagnostic[]; sources: Map<string, string> } | undefined {
  const found = findFolderFiles(project.casesDir, id, project.cwd);
  if (found.diagnostics.length > 0) return undefined;
  const loads = found.files.map(loadFile);
  if (loads.some((load) => load.diagnostics.length > 0)) return undefined;
  const assets = new Map([[id, listCaseAssets(join(project.casesDir, id))]]);
  const loaded = { files: loads.map((load) => load.file), assets, diagnostics: [] };
  const validated = validateCasebook(loaded, { vocabularies: project.vocabularies, currentYear: project.currentYear, caseIds: state.caseIds });
  if (validated.diagnostics.some((d) => d.fatal)) return undefined;
  const linked = linkCase(id, validated.byCase.get(id) ?? [], loaded, { includeDrafts });
  const number = state.book.byId.get(id)?.number;
  if (!linked || number === undefined) return undefined;
  const sources = new Map(loaded.files.flatMap((file) => (file.source ? [[file.ref.display, file.source.text] as const] : [])));
  return { entry: { ...linked, number, linksTo: linked.linksTo.filter((other) => state.book.byId.has(other)) }, diagnostics: validated.diagnostics, sources };
}
