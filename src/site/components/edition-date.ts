import type { Language } from "../../../schema/languages.js";

const LOCALE = { en: "en-GB", zh: "zh-CN", fr: "fr-FR", ru: "ru-RU" } as const;

/** An edition's date as readers of `lang` write it (the day, in UTC). */
export function editionDateText(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso));
}
