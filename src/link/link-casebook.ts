import type { CasebookConfig } from "../../schema/config.js";
import type { Language } from "../../schema/languages.js";
import type { Vocabularies } from "../../schema/vocabularies.js";
import type { LoadedCasebook } from "../load/load-casebook.js";
import { checkTranslation } from "../translations/translation-state.js";
import { CASE_LINK } from "../validate/rules/case-links.js";
import type { ValidatedCasebook } from "../validate/validate-casebook.js";
import type { ValidatedFile } from "../validate/validate-file.js";
import type { Casebook, CaseEntry, CaseVersion } from "./casebook-model.js";

export interface LinkOptions {
  config: CasebookConfig;
  vocabularies: Vocabularies;
  /** Include drafts (the preview does; a release does not). */
  includeDrafts: boolean;
}

/**
 * Joins the validated files of each case into one entry: neutral data from the original, texts
 * per language. Call only when validation reported no error.
 */
export function linkCasebook(validated: ValidatedCasebook, loaded: Pick<LoadedCasebook, "assets">, options: LinkOptions): Casebook {
  const entries: Omit<CaseEntry, "number">[] = [];
  for (const [id, files] of validated.byCase) {
    const entry = linkCase(id, files, loaded, options);
    if (entry) entries.push(entry);
  }
  // The casebook's order is by id, so numbers stay put when a translation is added.
  const sorted = entries
    .sort((a, b) => a.id.localeCompare(b.id, "en"))
    .map((entry, index) => ({ ...entry, number: index + 1 }));
  const ids = new Set(sorted.map((e) => e.id));
  for (const entry of sorted) entry.linksTo = entry.linksTo.filter((id) => ids.has(id));
  return {
    config: options.config,
    vocabularies: options.vocabularies,
    languages: options.config.languages,
    cases: sorted,
    byId: new Map(sorted.map((e) => [e.id, e])),
  };
}

/**
 * One case's entry, from its validated files: undefined when it has no original or its original is
 * a draft left out. Its `linksTo` may name cases that do not exist (linkCasebook keeps the others).
 */
export function linkCase(id: string, files: readonly ValidatedFile[], loaded: Pick<LoadedCasebook, "assets">, options: Pick<LinkOptions, "includeDrafts">): Omit<CaseEntry, "number"> | undefined {
  const originalFile = files.find((f) => f.original);
  const data = originalFile?.original;
  if (!originalFile || !data) return undefined;
  const versions = new Map<Language, CaseVersion>();
  for (const file of files) {
    const text = file.original ?? file.translation;
    const body = file.body;
    if (!text || body === undefined) continue;
    if (!options.includeDrafts && text.status === "draft") continue;
    const sourceState = file.translation ? checkTranslation(originalFile, file)?.state : undefined;
    versions.set(file.ref.lang, {
      lang: file.ref.lang,
      title: text.title,
      summary: text.summary,
      tags: text.tags ?? [],
      status: text.status,
      published: text.published,
      updated: text.updated,
      translators: file.translation?.translators ?? [],
      isTranslation: Boolean(file.translation),
      sourceState,
      stale: sourceState === "stale" || sourceState === "unversioned",
      markdown: body,
      sourcePath: file.ref.display,
      absolutePath: file.ref.path,
    });
  }
  if (!versions.has(originalFile.ref.lang)) return undefined; // a draft original keeps the whole case out
  const linksTo = new Set<string>();
  for (const file of files)
    for (const link of file.references?.links ?? []) {
      const target = CASE_LINK.exec(link.url)?.[1];
      if (target && target !== id) linksTo.add(target);
    }
  return {
    id,
    data,
    originalLang: originalFile.ref.lang,
    versions,
    folder: originalFile.ref.folder,
    assets: loaded.assets.get(id)?.assets ?? new Map(),
    linksTo: [...linksTo].sort(),
  };
}
