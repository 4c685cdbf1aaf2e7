import type { Element, ElementContent } from "hast";
import { h } from "hastscript";
import type { CaseEntry } from "../link/casebook-model.js";
import { countryLabel, formatNumber, termLabel } from "../site/components/labels.js";
import { HTML_LANG, type PrintContext } from "./print-context.js";

/** The metadata box of a case's first page: where, who, which models and sectors, when, and its outcomes. */
export function caseFactsBox(entry: CaseEntry, ctx: PrintContext): Element {
  const { lang, t } = ctx;
  const d = entry.data;
  const v = ctx.book.vocabularies;
  const row = (label: string, value: string | ElementContent) => [h("dt", label), h("dd", [value])];
  const list = (items: string[]) => items.join(" · ");
  const rows = [
    ...row(t("case.countries"), list(d.countries.map((c) => countryLabel(c, lang)))),
    ...row(
      t("case.partners"),
      h("ul.partners", d.partners.map((p) => h("li", [p.name, " ", h("span.partner-meta", `(${termLabel(v, "partnerKinds", p.kind, lang)}, ${countryLabel(p.country, lang)})`)]))),
    ),
    ...row(t("case.models"), list(d.models.map((m) => termLabel(v, "modelTypes", m, lang)))),
    ...row(t("case.sectors"), list(d.sectors.map((s) => termLabel(v, "sectors", s, lang)))),
    ...row(t("case.direction"), termLabel(v, "directions", d.direction, lang)),
    ...(d.levels?.length ? row(t("case.levels"), d.levels.map((l) => termLabel(v, "levels", String(l), lang)).join("; ")) : []),
    ...row(t("case.period"), d.period.end ? `${d.period.start}–${d.period.end}` : t("case.ongoing", { start: d.period.start })),
    ...(d.sdgs?.length ? row(t("case.sdgs"), d.sdgs.map((n) => `SDG ${n}`).join(", ")) : []),
  ];
  return h("aside.case-facts", { lang: HTML_LANG[ctx.lang], ariaLabel: t("case.details") }, [h("p.box-title", t("case.details")), h("dl", rows), outcomesTable(entry, ctx)]);
}

/** Outcomes as a table whose header repeats on every page it runs over. */
function outcomesTable(entry: CaseEntry, ctx: PrintContext): Element | null {
  const { lang, t } = ctx;
  const outcomes = entry.data.outcomes ?? [];
  if (outcomes.length === 0) return null;
  const metrics = ctx.book.vocabularies.metrics;
  const value = (n: number, metric: string, currency?: string) => {
    const unit = metrics.find((m) => m.id === metric)?.unit;
    const number = formatNumber(n, lang);
    if (unit === "percent") return `${number} %`;
    if (unit === "currency") return `${number} ${currency ?? ""}`.trim();
    if (unit === "hours") return `${number} h`;
    return number;
  };
  const header = [t("case.metric"), t("case.value"), t("case.year"), t("case.baseline"), t("case.source")];
  return h("table.outcomes", [
    h("caption", t("case.outcomes")),
    h("thead", [h("tr", header.map((c) => h("th", { scope: "col" }, c)))]),
    h(
      "tbody",
      outcomes.map((o) =>
        h("tr", [
          h("th", { scope: "row" }, termLabel(ctx.book.vocabularies, "metrics", o.metric, lang)),
          h("td.num", value(o.value, o.metric, o.currency)),
          h("td.num", String(o.year)),
          h("td.num", o.baseline === undefined ? "—" : value(o.baseline, o.metric, o.currency)),
          h("td.source", { lang: HTML_LANG[entry.originalLang] }, [o.source ?? "", o.source && o.note ? " — " : "", o.note ? h("span.outcome-note", o.note) : null, o.source || o.note ? "" : "—"]),
        ]),
      ),
    ),
  ]);
}
