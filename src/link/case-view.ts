import type { Language } from "../../schema/languages.js";
import type { CaseEntry, CaseView } from "./casebook-model.js";

/** The version of a case a reader in `lang` sees: their language, or the original marked as such. */
export function viewCase(entry: CaseEntry, lang: Language): CaseView {
  const own = entry.versions.get(lang);
  if (own) return { entry, version: own, fallback: false };
  return { entry, version: entry.versions.get(entry.originalLang)!, fallback: true };
}
