import type { Language } from "../../schema/languages.js";

/** A case as a changelog names it: its id and its title in each language it had. */
export interface ChangedCase {
  id: string;
  titles: Partial<Record<Language, string>>;
  /** The language it was written in (the title shown when the reader's language is missing). */
  originalLanguage: Language;
}

/** What changed between the previous edition and this one. Lists are sorted by id. */
export interface Changelog {
  version: string;
  date: string;
  /** The edition compared with (the highest lower version among the earlier editions), if any. */
  previous: string | null;
  added: ChangedCase[];
  /** Cases whose text changed, with the languages that changed (empty: only images changed). */
  updated: (ChangedCase & { languages: Language[] })[];
  /** Cases that gained languages. */
  translated: (ChangedCase & { languages: Language[] })[];
  /** Cases published under a new id: `id` is the new one. */
  renamed: (ChangedCase & { from: string })[];
  withdrawn: (ChangedCase & { reason: Partial<Record<Language, string>> })[];
}

/** What a release stamps into its website: the edition, its date, the other editions, its changes. */
export interface EditionStamp {
  version: string;
  /** ISO date and time of the edition. */
  date: string;
  /** Every edition known when this one was made (this one included), newest first, with its site's URL. */
  editions: { version: string; url: string }[];
  changelog: Changelog;
}
