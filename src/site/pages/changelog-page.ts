import { h } from "hastscript";
import type { Changelog } from "../../release/edition-model.js";
import { editionDateText } from "../components/edition-date.js";
import { sameInEveryLanguage, type Page, type SiteContext } from "../page.js";
import { paths } from "../urls.js";
import { changelogSections } from "./changelog-sections.js";

/** The changes of a released edition against the previous one, in the reader's language. */
export function changelogPage(changelog: Changelog, ctx: SiteContext): Page {
  const { t, lang, book } = ctx;
  const title = t("changelog.title", { edition: changelog.version });
  const sections = changelogSections(changelog, t, lang);
  return {
    path: paths.changelog(lang),
    lang,
    title,
    alternates: sameInEveryLanguage(book, paths.changelog),
    main: [
      h("h1", title),
      h("p.changelog-intro", [
        `${editionDateText(changelog.date, lang)}. `,
        changelog.previous ? t("changelog.since", { previous: changelog.previous }) : t("changelog.first"),
      ]),
      ...(sections.length === 0 ? [h("p", t("changelog.none"))] : []),
      ...sections.map((section) =>
        h(`section.changelog-${section.key}`, { ariaLabelledby: `changelog-${section.key}` }, [
          h(`h2#changelog-${section.key}`, `${section.heading} (${section.items.length})`),
          h(
            "ul",
            section.items.map((item) => h("li", [h("a", { href: item.path }, item.title), item.note ? ` — ${item.note}` : ""])),
          ),
        ]),
      ),
    ],
  };
}
