import type { CaseData } from "../../schema/case.js";
import type { CasebookConfig } from "../../schema/config.js";
import type { Language } from "../../schema/languages.js";
import type { Vocabularies } from "../../schema/vocabularies.js";
import type { CaseAssets } from "../load/list-case-assets.js";
import type { TranslationState } from "../translations/translation-state.js";

/** One language version of a case: its own texts and its Markdown. */
export interface CaseVersion {
  lang: Language;
  title: string;
  summary: string;
  tags: readonly string[];
  status: CaseData["status"];
  published: string;
  updated?: string | undefined;
  /** Translators, for a translation. */
  translators: readonly { name: string; affiliation?: string | undefined }[];
  isTranslation: boolean;
  /**
   * For a translation, whether it was made from the original as it is now (`current`), from an
   * earlier version (`stale`), or does not say (`unversioned`); undefined for the original.
   */
  sourceState?: TranslationState | undefined;
  /**
   * True when a translation may be outdated (`sourceState` is `stale` or `unversioned`): the site
   * and the print book mark it as such. Always false for the original.
   */
  stale: boolean;
  /** The Markdown body (each renderer parses it: holding every case's tree would cost memory). */
  markdown: string;
  /** Display path of the source file (for messages and "edit this page"). */
  sourcePath: string;
  /** Absolute path of the source file. */
  absolutePath: string;
}

/** A case: the language-neutral data of its original, and every language version. */
export interface CaseEntry {
  id: string;
  /** Position in the casebook's order (1-based), stable for a given set of cases. */
  number: number;
  data: CaseData;
  originalLang: Language;
  versions: ReadonlyMap<Language, CaseVersion>;
  /** Absolute path of the case folder, and its asset files (relative paths). */
  folder: string;
  assets: CaseAssets;
  /** Ids of other cases this case links to with `case:`. */
  linksTo: readonly string[];
}

/** What a reader in `lang` sees of a case: their language when it exists, else the original. */
export interface CaseView {
  entry: CaseEntry;
  version: CaseVersion;
  /** True when the reader's language is missing and the original is shown instead. */
  fallback: boolean;
}

/** The plain book model that every renderer receives (a copy of). */
export interface Casebook {
  config: CasebookConfig;
  vocabularies: Vocabularies;
  languages: readonly Language[];
  cases: readonly CaseEntry[];
  byId: ReadonlyMap<string, CaseEntry>;
}
