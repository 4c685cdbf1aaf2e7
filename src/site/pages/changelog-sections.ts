import type { Language } from "../../../schema/languages.js";
import type { ChangedCase, Changelog } from "../../release/edition-model.js";
import type { Translate } from "../theme-strings.js";
import { paths } from "../urls.js";

export interface ChangelogItem {
  id: string;
  title: string;
  /** The case's page (the new id's page for a renamed case, the notice for a withdrawn one). */
  path: string;
  /** What changed, in words: languages, the old id, the reason. */
  note: string;
}

export interface ChangelogSection {
  key: "added" | "updated" | "translated" | "renamed" | "withdrawn";
  heading: string;
  items: ChangelogItem[];
}

/** The changelog as the website and changelog.md show it, in one language; empty sections left out. */
export function changelogSections(changelog: Changelog, t: Translate, lang: Language): ChangelogSection[] {
  const names = new Intl.DisplayNames([lang], { type: "language" });
  const languages = (list: readonly Language[]) => (list.length ? list.map((l) => names.of(l) ?? l).join(", ") : t("changelog.images"));
  const title = (c: ChangedCase) => c.titles[lang] ?? c.titles[c.originalLanguage] ?? c.id;
  const item = (c: ChangedCase, note: string): ChangelogItem => ({ id: c.id, title: title(c), path: paths.case(lang, c.id), note });
  const sections: ChangelogSection[] = [
    { key: "added", heading: t("changelog.added"), items: changelog.added.map((c) => item(c, "")) },
    { key: "updated", heading: t("changelog.updated"), items: changelog.updated.map((c) => item(c, languages(c.languages))) },
    { key: "translated", heading: t("changelog.translated"), items: changelog.translated.map((c) => item(c, languages(c.languages))) },
    { key: "renamed", heading: t("changelog.renamed"), items: changelog.renamed.map((c) => item(c, t("changelog.formerly", { id: c.from }))) },
    {
      key: "withdrawn",
      heading: t("changelog.withdrawn"),
      items: changelog.withdrawn.map((c) => item(c, c.reason[lang] ?? c.reason.en ?? Object.values(c.reason)[0] ?? "")),
    },
  ];
  return sections.filter((s) => s.items.length > 0);
}
