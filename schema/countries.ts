import { createRequire } from "node:module";
import countries from "i18n-iso-countries/index.js";
import type { Language } from "./languages.js";

// Country names come from i18n-iso-countries (maintained upstream), never from a hand-written list.
// Its main entry registers all of its 78 languages (60 ms at every start); only Casebook's are
// registered here, and the rest of Casebook imports the library from this module.
const require = createRequire(import.meta.url);
for (const lang of ["en", "zh", "fr", "ru"] as const) {
  countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
}

export { countries };

/** Every ISO 3166-1 alpha-2 code, sorted. */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();

export function countryName(code: string, lang: Language): string {
  return countries.getName(code, lang) ?? code;
}
