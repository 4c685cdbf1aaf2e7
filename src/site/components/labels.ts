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
const collators = new Map<Language, Intl.Collator>();

export function byLabel<T>(items: readonly T[], label: (item: T) => string, lang: Language): T[] {
  let collator = collators.get(lang);
  if (!collator) {
    collator = new Intl.Collator(lang === "zh" ? "zh-u-co-pinyin" : lang);
    collators.set(lang, collator);
  }
  return [...items].sort((a, b) => collator.compare(label(a), label(b)));
}

const numberFormats = new Map<Language, Intl.NumberFormat>();

/** Numbers formatted for the reader's language (one formatter per language: they are costly to make). */
export function formatNumber(value: number, lang: Language): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : lang, { maximumFractionDigits: 2 });
    numberFormats.set(lang, format);
  }
  return format.format(value);
}
