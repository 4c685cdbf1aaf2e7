import type { Element } from "hast";
import { h } from "hastscript";
import type { Language } from "../../../schema/languages.js";
import type { CaseEntry, CaseVersion } from "../../link/casebook-model.js";
import type { SiteContext } from "../page.js";
import { paths } from "../urls.js";

/**
 * The note on a translation that may be outdated (its original changed since it was made, or it
 * does not say which version it was made from), with a link to the original.
 */
export function staleNote(entry: CaseEntry, version: CaseVersion, ctx: SiteContext): Element | null {
  if (!version.isTranslation || !version.stale) return null;
  const { t, lang } = ctx;
  const original: Language = entry.originalLang;
  const name = new Intl.DisplayNames([lang], { type: "language" }).of(original) ?? original;
  return h("p.stale-note", { lang, role: "note" }, [
    t("case.stale"),
    " ",
    h("a", { href: paths.case(original, entry.id), hrefLang: original }, t("case.staleOriginal", { language: name })),
  ]);
}
