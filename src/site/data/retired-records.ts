import type { Language } from "../../../schema/languages.js";
import type { Casebook } from "../../link/casebook-model.js";
import { localize } from "../../link/localize.js";
import { absoluteUrl, paths } from "../urls.js";

/** A case id that is no longer published under its own name: renamed (redirected) or withdrawn. */
export interface RetiredRecord {
  id: string;
  status: "renamed" | "withdrawn";
  /** The id the case is published under now, for a renamed case; null for a withdrawn one. */
  replacedBy: string | null;
  /** Why a case was withdrawn, in each language of the site; null for a renamed case. */
  reason: Partial<Record<Language, string>> | null;
  /** Its old URL in each language, which still answers (a redirect or a notice). */
  urls: Partial<Record<Language, string>>;
}

/** The retired ids declared in the configuration, sorted by id. */
export function retiredRecords(book: Casebook): RetiredRecord[] {
  const { config } = book;
  const urls = (id: string) => Object.fromEntries(book.languages.map((l) => [l, absoluteUrl(config.baseUrl, paths.case(l, id))]));
  const renamed = Object.entries(config.redirects).map(([id, to]): RetiredRecord => ({ id, status: "renamed", replacedBy: to, reason: null, urls: urls(id) }));
  const withdrawn = config.withdrawn.map(
    (w): RetiredRecord => ({ id: w.id, status: "withdrawn", replacedBy: null, reason: Object.fromEntries(book.languages.map((l) => [l, localize(w.reason, l)])), urls: urls(w.id) }),
  );
  return [...renamed, ...withdrawn].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
