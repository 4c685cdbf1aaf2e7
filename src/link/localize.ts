import type { LocalizedConfigText } from "../../schema/config.js";
import type { Language } from "../../schema/languages.js";
import type { LocalizedText } from "../../schema/vocabularies.js";

/** A configuration text in `lang`, falling back to English. */
export function localize(text: LocalizedConfigText | LocalizedText | undefined, lang: Language): string {
  if (text === undefined) return "";
  if (typeof text === "string") return text;
  return text[lang] ?? text.en;
}
