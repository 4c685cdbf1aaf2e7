import type { ElementContent } from "hast";
import { h } from "hastscript";
import { localize } from "../link/localize.js";
import { CITATION_WORDS } from "../site/cite/citation-words.js";
import { licenseUrl } from "../site/cite/license-url.js";
import type { PrintContext } from "./print-context.js";

/** The cover (title, subtitle, edition, publisher, date) and, on its back, the imprint. */
export function coverAndImprint(ctx: PrintContext): ElementContent[] {
  const { t, lang, book } = ctx;
  const config = book.config;
  const title = localize(config.title, lang);
  const subtitle = localize(config.subtitle, lang);
  const publisher = localize(config.publisher, lang);
  const date = new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : lang, { dateStyle: "long", timeZone: "UTC" }).format(new Date(ctx.buildDate));
  const year = ctx.buildDate.slice(0, 4);
  const url = new URL(`${lang}/`, config.baseUrl.endsWith("/") ? config.baseUrl : `${config.baseUrl}/`).href;
  const license = licenseUrl(config.license);
  const words = CITATION_WORDS[lang];
  return [
    h("section.cover", [
      h("p.cover-title", title),
      subtitle ? h("p.cover-subtitle", subtitle) : null,
      h("p.cover-edition", t("home.edition", { edition: config.edition })),
      h("div.cover-foot", [h("p.cover-publisher", publisher), h("p.cover-date", date)]),
    ]),
    h("section.imprint", { ariaLabel: t("print.imprint") }, [
      h("p.imprint-title", [h("b", title), subtitle ? ` — ${subtitle}` : ""]),
      h("p", [t("home.edition", { edition: config.edition }), " · ", publisher]),
      h("p.imprint-illustrative", t("footer.illustrative")),
      h("p.imprint-label", t("print.licenseTitle")),
      h("p", [t("print.license", { license: config.license }), " ", h("a", { href: license }, license)]),
      h("p", t("print.caseLicenses")),
      h("p.imprint-label", t("print.howToCite")),
      h("p.imprint-cite", [`${publisher} (${year}). `, h("i", title), ` (${words.edition(config.edition)}). `, h("a", { href: url }, url)]),
      h("p", t("print.citeCase")),
      h("p.imprint-built", t("print.builtFrom", { date, url })),
    ]),
  ];
}
