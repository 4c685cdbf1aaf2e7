import type { Language } from "../../../schema/languages.js";

/** The words around a reference, per language of the page that shows it. */
export interface CitationWords {
  /** "A, B, & C" */
  joinNames: (names: readonly string[]) => string;
  in: string;
  edition: (edition: string) => string;
  translated: (names: string) => string;
}

/** "A", "A & B", "A, B, & C" (APA's serial comma; `oxford: false` gives "A, B и C"). */
const serial = (and: string, oxford = true) => (names: readonly string[]) =>
  names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")}${oxford && names.length > 2 ? "," : ""} ${and} ${names.at(-1)}`;

export const CITATION_WORDS: Record<Language, CitationWords> = {
  en: { joinNames: serial("&"), in: "In", edition: (e) => `${e} ed.`, translated: (n) => `${n}, Trans.` },
  fr: { joinNames: serial("&"), in: "Dans", edition: (e) => `éd. ${e}`, translated: (n) => `trad. ${n}` },
  ru: { joinNames: serial("и", false), in: "В кн.:", edition: (e) => `изд. ${e}`, translated: (n) => `пер. ${n}` },
  zh: { joinNames: (names) => names.join("、"), in: "载", edition: (e) => `${e} 版`, translated: (n) => `${n} 译` },
};

/** biblatex's `langid` (babel language names; babel has none for Chinese, which is set with CJK packages). */
export const BABEL_LANGUAGE: Partial<Record<Language, string>> = { en: "english", fr: "french", ru: "russian" };
