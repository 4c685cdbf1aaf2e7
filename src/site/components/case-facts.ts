import type { Element, ElementContent } from "hast";
import { h } from "hastscript";
import type { CaseEntry } from "../../link/casebook-model.js";
import type { SiteContext } from "../page.js";
import { paths } from "../urls.js";
import { countryLabel, formatNumber, termLabel } from "./labels.js";

/** The metadata panel of a case page: countries, partners, models, sectors, levels, period… */
export function caseFacts(entry: CaseEntry, ctx: SiteContext): Element {
  const { lang, t, book } = ctx;
  const d = entry.data;
  const v = book.vocabularies;
  const row = (label: string, value: ElementContent | ElementContent[]) => [h("dt", label), h("dd", Array.isArray(value) ? value : [value])];
  const links = (items: [string, string][]) => joined(items.map(([href, text]) => h("a", { href }, text)));
  const rows = [
    ...row(t("case.countries"), links(d.countries.map((c) => [paths.country(lang, c), countryLabel(c, lang)]))),
    ...row(
      t("case.partners"),
      h(
        "ul",
        d.partners.map((p) =>
          h("li", [p.name, " ", h("span.partner-meta", `(${termLabel(v, "partnerKinds", p.kind, lang)}, ${countryLabel(p.country, lang)})`)]),
        ),
      ),
    ),
    ...row(t("case.models"), links(d.models.map((m) => [paths.model(lang, m), termLabel(v, "modelTypes", m, lang)]))),
    ...row(t("case.sectors"), links(d.sectors.map((s) => [paths.sector(lang, s), termLabel(v, "sectors", s, lang)]))),
    ...row(t("case.direction"), { type: "text", value: termLabel(v, "directions", d.direction, lang) }),
    ...(d.levels?.length ? row(t("case.levels"), { type: "text", value: d.levels.map((l) => termLabel(v, "levels", String(l), lang)).join("; ") }) : []),
    ...row(t("case.period"), { type: "text", value: d.period.end ? `${d.period.start}–${d.period.end}` : t("case.ongoing", { start: d.period.start }) }),
    ...(d.sdgs?.length ? row(t("case.sdgs"), { type: "text", value: d.sdgs.map((n) => `SDG ${n}`).join(", ") }) : []),
  ];
  return h("section.case-facts", { ariaLabelledby: "case-facts-title" }, [h("h2#case-facts-title", t("case.details")), h("dl", rows)]);
}

/** Outcomes as a table: indicator, value with its unit, year, baseline, source. */
export function outcomesTable(entry: CaseEntry, ctx: SiteContext): Element | null {
  const { lang, t, book } = ctx;
  const outcomes = entry.data.outcomes ?? [];
  if (outcomes.length === 0) return null;
  const unitOf = (metric: string) => book.vocabularies.metrics.find((m) => m.id === metric)?.unit;
  const value = (n: number, metric: string, currency?: string) => {
    const unit = unitOf(metric);
    const number = formatNumber(n, lang);
    if (unit === "percent") return `${number} %`;
    if (unit === "currency") return `${number} ${currency ?? ""}`.trim();
    if (unit === "hours") return `${number} h`;
    return number;
  };
  return h("section.case-outcomes", [
    h("h2#case-outcomes-title", t("case.outcomes")),
    h("div.table-wrap", { role: "region", tabIndex: 0, ariaLabelledby: "case-outcomes-title" }, [
      h("table", [
        h("thead", [h("tr", [t("case.metric"), t("case.value"), t("case.year"), t("case.baseline"), t("case.source")].map((c) => h("th", { scope: "col" }, c)))]),
        h(
          "tbody",
          outcomes.map((o) =>
            h("tr", [
              h("th", { scope: "row" }, termLabel(book.vocabularies, "metrics", o.metric, lang)),
              h("td.num", value(o.value, o.metric, o.currency)),
              h("td.num", String(o.year)),
              h("td.num", o.baseline === undefined ? "—" : value(o.baseline, o.metric, o.currency)),
              h("td", { lang: entry.originalLang !== lang ? entry.originalLang : undefined }, [o.source ?? "", o.source && o.note ? " — " : "", o.note ? h("span.outcome-note", o.note) : null, o.source || o.note ? "" : "—"]),
            ]),
          ),
        ),
      ]),
    ]),
  ]);
}

function joined(items: ElementContent[]): ElementContent[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [{ type: "text", value: " · " } as ElementContent, item]));
}
