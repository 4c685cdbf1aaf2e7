import { countryName } from "../../../schema/countries.js";
import { LANGUAGES, type Language } from "../../../schema/languages.js";
import type { LocalizedText, Term, Vocabularies } from "../../../schema/vocabularies.js";

/** The labels of a vocabulary term in every language; an unknown id labels itself (validation prevents it). */
export function termLabels(terms: readonly Term[], id: string): LocalizedText {
  const term = terms.find((t) => t.id === id);
  if (term) return { ...term.labels };
  return Object.fromEntries(LANGUAGES.map((l) => [l, id])) as LocalizedText;
}

export function termLabel(terms: readonly Term[], id: string, lang: Language): string {
  return termLabels(terms, id)[lang];
}

/** A country's name in every language, from i18n-iso-countries. */
export function countryNames(code: string): LocalizedText {
  return Object.fromEntries(LANGUAGES.map((l) => [l, countryName(code, l)])) as LocalizedText;
}

/** The unit an outcome metric is measured in (`count` for an unknown metric). */
export function metricUnit(vocabularies: Vocabularies, metric: string): string {
  return vocabularies.metrics.find((m) => m.id === metric)?.unit ?? "count";
}
