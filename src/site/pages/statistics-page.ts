import type { Element } from "hast";
import { h } from "hastscript";
import type { CaseEntry } from "../../link/casebook-model.js";
import { barChart } from "../charts/bar-chart.js";
import { columnChart } from "../charts/column-chart.js";
import { casesByCountry, casesMap } from "../components/cases-map.js";
import { byLabel, countryLabel, formatNumber, termLabel } from "../components/labels.js";
import { sameInEveryLanguage, type Page, type SiteContext } from "../page.js";
import { paths } from "../urls.js";

/** Statistics drawn at build time as SVG, each with its numbers as a table too. */
export function statisticsPage(ctx: SiteContext): Page {
  const { t, lang, book } = ctx;
  const v = book.vocabularies;
  const tally = (pick: (c: CaseEntry) => readonly string[]) => {
    const counts = new Map<string, number>();
    for (const c of book.cases) for (const x of new Set(pick(c))) counts.set(x, (counts.get(x) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  const section = (id: string, title: string, chart: { svg: Element; table: Element }) =>
    h("section.chart", { ariaLabelledby: `${id}-heading` }, [h(`h2#${id}-heading`, title), h("figure", [chart.svg]), h("details.chart-data", [h("summary", title), chart.table])]);

  const map = casesMap(ctx, "stats-map", t("stats.map"));
  const models = barChart({
    rows: tally((c) => c.data.models).map(([id, n]) => ({ label: termLabel(v, "modelTypes", id, lang), value: n })),
    title: t("stats.byModel"),
    description: t("stats.chartDesc"),
    idPrefix: "stats-models",
    tableHeaders: [t("facet.model"), t("stats.cases")],
  });
  const sectors = barChart({
    rows: tally((c) => c.data.sectors).map(([id, n]) => ({ label: termLabel(v, "sectors", id, lang), value: n })),
    title: t("stats.bySector"),
    description: t("stats.chartDesc"),
    idPrefix: "stats-sectors",
    tableHeaders: [t("facet.sector"), t("stats.cases")],
  });
  const years = tally((c) => [String(c.data.period.start)]).sort((a, b) => a[0].localeCompare(b[0]));
  const byYear = columnChart({ points: years.map(([y, n]) => ({ label: y, value: n })), title: t("stats.byYear"), description: t("stats.chartDesc"), idPrefix: "stats-years", tableHeaders: [t("facet.year"), t("stats.cases")] });
  const learners = learnersByCountry(book.cases);
  const learnersChart = barChart({
    rows: byLabel([...learners.keys()], (c) => countryLabel(c, lang), lang)
      .sort((a, b) => (learners.get(b) ?? 0) - (learners.get(a) ?? 0))
      .map((code) => ({ label: countryLabel(code, lang), value: learners.get(code) ?? 0 })),
    title: t("stats.learners"),
    description: t("stats.learnersDesc"),
    idPrefix: "stats-learners",
    tableHeaders: [t("stats.country"), t("stats.learnersCol")],
    valueFormat: (n: number) => formatNumber(n, lang),
  });
  return {
    path: paths.statistics(lang),
    lang,
    title: t("stats.title"),
    alternates: sameInEveryLanguage(book, paths.statistics),
    main: [
      h("h1", t("stats.title")),
      h("p", t("home.counts", { cases: book.cases.length, countries: casesByCountry(book.cases).size, models: new Set(book.cases.flatMap((c) => c.data.models)).size })),
      section("stats-map", t("stats.map"), map),
      section("stats-models", t("stats.byModel"), models),
      section("stats-sectors", t("stats.bySector"), sectors),
      section("stats-years", t("stats.byYear"), byYear),
      section("stats-learners", t("stats.learners"), learnersChart),
      h("p.chart-note", t("stats.learnersDesc")),
    ],
  };
}

/** The latest "learners trained" figure of each case, summed by the country where it happens. */
export function learnersByCountry(cases: readonly CaseEntry[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const c of cases) {
    const latest = (c.data.outcomes ?? []).filter((o) => o.metric === "learners-trained").sort((a, b) => b.year - a.year)[0];
    const where = c.data.countries[0];
    if (latest && where) sums.set(where, (sums.get(where) ?? 0) + latest.value);
  }
  return sums;
}
