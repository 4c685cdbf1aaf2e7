import type { Element } from "hast";
import { h } from "hastscript";
import type { SiteContext } from "../page.js";
import { paths } from "../urls.js";
import { editionDateText } from "./edition-date.js";

/**
 * The banner of a released edition, on every page: which edition this is and when it was made,
 * its changes, and links to the other editions. Nothing outside a release.
 */
export function editionBanner(ctx: SiteContext): Element | null {
  const { edition, t, lang } = ctx;
  if (!edition) return null;
  const others = edition.editions.filter((e) => e.version !== edition.version);
  return h("aside.edition-banner", { ariaLabel: t("edition.label"), dataPagefindIgnore: "all" }, [
    h("p", [
      h("strong", t("home.edition", { edition: edition.version })),
      ` · ${editionDateText(edition.date, lang)} · `,
      h("a", { href: paths.changelog(lang) }, t("edition.changes")),
    ]),
    others.length
      ? h("p.edition-others", [
          `${t("edition.others")} `,
          ...others.flatMap((e, i) => [i ? ", " : "", h("a", { href: e.url }, e.version)]),
        ])
      : null,
  ]);
}
