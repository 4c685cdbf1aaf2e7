import type { Language } from "../../schema/languages.js";
import type { Casebook, CaseEntry, CaseVersion } from "./casebook-model.js";

/** A version as plain data, without its Markdown (sent apart, only where it is rendered). */
type PortableVersion = Omit<CaseVersion, "markdown">;

export type PortableEntry = Omit<CaseEntry, "versions"> & { versions: [Language, PortableVersion][] };

/**
 * A casebook as plain data that crosses to a worker thread: everything a page of any case shows
 * (data, titles, summaries, numbers), but no case body, which only the page of its own case needs.
 */
export interface PortableCasebook {
  config: Casebook["config"];
  vocabularies: Casebook["vocabularies"];
  languages: Casebook["languages"];
  cases: PortableEntry[];
}

/** The Markdown of each version of one case, for the thread that renders its pages. */
export type CaseMarkdown = [Language, string][];

export function portableCasebook(book: Casebook): PortableCasebook {
  return {
    config: book.config,
    vocabularies: book.vocabularies,
    languages: book.languages,
    cases: book.cases.map(portableEntry),
  };
}

/** An entry as plain data, without its bodies. */
export function portableEntry(entry: CaseEntry): PortableEntry {
  return { ...entry, versions: [...entry.versions].map(([lang, { markdown: _markdown, ...plain }]) => [lang, plain]) };
}

/** An entry again, its bodies empty. */
export function entryFromPortable(entry: PortableEntry): CaseEntry {
  return { ...entry, versions: new Map(entry.versions.map(([lang, version]) => [lang, versionWithBody(version)])) };
}

export function caseMarkdown(entry: CaseEntry): CaseMarkdown {
  return [...entry.versions].map(([lang, version]) => [lang, version.markdown]);
}

/**
 * The casebook again, in the receiving thread. Bodies are empty until `withMarkdown` gives a case
 * its own, for as long as its pages are rendered.
 */
export function casebookFromPortable(portable: PortableCasebook): Casebook & { withMarkdown<T>(id: string, markdown: CaseMarkdown, use: () => T): T } {
  const cases: CaseEntry[] = portable.cases.map(entryFromPortable);
  const byId = new Map(cases.map((entry) => [entry.id, entry]));
  return {
    config: portable.config,
    vocabularies: portable.vocabularies,
    languages: portable.languages,
    cases,
    byId,
    withMarkdown(id, markdown, use) {
      const versions = byId.get(id)?.versions as Map<Language, CaseVersion> | undefined;
      if (!versions) throw new Error(`no case ${id} in this casebook`);
      for (const [lang, text] of markdown) versions.get(lang)!.markdown = text;
      try {
        return use();
      } finally {
        for (const version of versions.values()) version.markdown = "";
      }
    },
  };
}

function versionWithBody(version: PortableVersion): CaseVersion {
  return { ...version, markdown: "" };
}
