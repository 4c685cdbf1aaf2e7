import { countryName } from "../../../schema/countries.js";
import type { Language } from "../../../schema/languages.js";
import type { Term, Vocabularies, VocabularyName } from "../../../schema/vocabularies.js";

/** Localized labels of vocabulary terms and countries, for templates. */
export function termLabel(vocabularies: Vocabularies, vocabulary: VocabularyName, id: string, lang: Language): string {
  const term = (vocabularies[vocabulary] as readonly Term[]).find((t) => t.id === id);
  return term?.labels[lang] ?? id;
}

export function countryLabel(code: string, lang: Language): string {
  return countryName(code, lang);
}

/** Sorts by the label a reader sees, with the reader's language's collation. */
export function byLabel<T>(items: readonly T[], label: (item: T) => string, lang: Language): T[] {
  const collator = new Intl.Collator(lang === "zh" ? "zh-u-co-pinyin" : lang);
  return [...items].sort((a, b) => collator.compare(label(a), label(b)));
}

/** Numbers formatted for the reader's language. */
export function formatNumber(value: number, lang: Language): string {
  return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : lang, { maximumFractionDigits: 2 }).format(value);
}
