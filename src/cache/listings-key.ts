import type { Language } from "../../schema/languages.js";
import type { CaseEntry, Casebook } from "../link/casebook-model.js";
import { hashText, newHash } from "./hash-tree.js";
import type { BuildInputs } from "./build-inputs.js";

/**
 * The keys of the listing pages of each language (home, browse, terms, statistics, search,
 * about). They show what the frontmatter says of every case — data, titles, summaries, status,
 * translations and their state — never a body, so a body edit leaves them as they were.
 */
export function listingKeys(book: Casebook, inputs: BuildInputs, pageOptions: Record<string, unknown>, fragmentOf: (entry: CaseEntry) => string = listingFragment): (lang: Language) => string {
  const hash = newHash().update(inputs.shared).update(`\0${JSON.stringify(pageOptions)}\0${book.languages.join(",")}\0`);
  for (const entry of book.cases) hash.update(fragmentOf(entry)).update("\0");
  const base = hash.digest("hex");
  return (lang) => hashText(base, "listings", lang);
}

/**
 * The key of the open data, the feeds and the sitemap: they say of every case what the listings
 * show (the sitemap lists the pages the listings link to). Their date (`generated` in cases.json) is
 * the build's: a fixed one (SOURCE_DATE_EPOCH, an edition's) is among the shared inputs; otherwise
 * files taken from the cache keep the date of the build that wrote them, as an unchanged build's
 * output does.
 */
export function siteDataKey(listingKey: (lang: Language) => string, languages: readonly Language[]): string {
  return hashText(...languages.map(listingKey), "site-data");
}

/** What the listings show of one case. */
export function listingFragment(entry: CaseEntry): string {
  const versions = [...entry.versions].map(([lang, v]) => [lang, v.title, v.summary, v.tags, v.status, v.published, v.updated ?? null, v.translators, v.isTranslation, v.sourceState ?? null, v.stale]);
  return JSON.stringify([entry.id, entry.number, entry.originalLang, entry.data, versions, [...entry.assets], entry.linksTo]);
}
