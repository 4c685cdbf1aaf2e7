import type { PrintConfig } from "../../schema/config.js";
import type { Language } from "../../schema/languages.js";
import type { Term } from "../../schema/vocabularies.js";
import type { Casebook, CaseEntry } from "../link/casebook-model.js";
import { byLabel, countryLabel } from "../site/components/labels.js";

/** A part of the print book: the cases that share their first model, sector or country. */
export interface BookPart {
  /** The term id or country code; `""` when the book has no parts. */
  key: string;
  title: string;
  description?: string | undefined;
  cases: CaseEntry[];
}

/**
 * The cases in parts, by the first term of each case (the main model of cooperation, the main
 * sector, or the country where the practice happens). Parts follow the vocabulary's order (countries
 * the reader's alphabetical order); inside a part, cases keep the casebook's order, so every case
 * keeps the number it has on the website. `none` gives one part without a title.
 */
export function groupCases(book: Casebook, lang: Language, groupBy: PrintConfig["groupBy"]): BookPart[] {
  if (groupBy === "none") return book.cases.length ? [{ key: "", title: "", cases: [...book.cases] }] : [];
  const first = (entry: CaseEntry): string =>
    (groupBy === "model" ? entry.data.models[0] : groupBy === "sector" ? entry.data.sectors[0] : entry.data.countries[0]) ?? "";
  const byKey = new Map<string, CaseEntry[]>();
  for (const entry of book.cases) {
    const key = first(entry);
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  if (groupBy === "country") {
    const keys = byLabel([...byKey.keys()], (code) => countryLabel(code, lang), lang);
    return keys.map((key) => ({ key, title: countryLabel(key, lang), cases: byKey.get(key) ?? [] }));
  }
  const terms: readonly Term[] = groupBy === "model" ? book.vocabularies.modelTypes : book.vocabularies.sectors;
  return terms
    .filter((term) => byKey.has(term.id))
    .map((term) => ({ key: term.id, title: term.labels[lang], description: term.description?.[lang], cases: byKey.get(term.id) ?? [] }));
}

/** The parts' numbers as a book prints them: I, II, III…, and 一, 二, 三… in Chinese. */
export function partNumeral(n: number, lang: Language): string {
  return lang === "zh" ? chineseNumeral(n) : romanNumeral(n);
}

function romanNumeral(n: number): string {
  const table: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let rest = n;
  let out = "";
  for (const [value, symbol] of table)
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  return out;
}

function chineseNumeral(n: number): string {
  const digits = "零一二三四五六七八九";
  if (n < 10) return digits[n] ?? String(n);
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? "" : digits[tens]}十${ones ? digits[ones] : ""}`;
  }
  return String(n);
}
