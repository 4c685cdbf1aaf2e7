/** The languages Casebook publishes in. Vocabularies carry a label for each. */
export const LANGUAGES = ["en", "zh", "fr", "ru"] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
