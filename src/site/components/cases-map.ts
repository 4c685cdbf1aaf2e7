import type { CaseEntry } from "../../link/casebook-model.js";
import { worldChoropleth } from "../charts/world-choropleth.js";
import type { SiteContext } from "../page.js";
import { countryLabel, formatNumber } from "./labels.js";

/** Cases per country, counting every country a case involves. */
export function casesByCountry(cases: readonly CaseEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of cases) for (const code of new Set(c.data.countries)) counts.set(code, (counts.get(code) ?? 0) + 1);
  return counts;
}

/** The world map of cases by country, in the reader's language. */
export function casesMap(ctx: SiteContext, idPrefix: string, title: string) {
  const { t, lang } = ctx;
  return worldChoropleth({
    counts: casesByCountry(ctx.book.cases),
    countryName: (code) => countryLabel(code, lang),
    title,
    description: t("stats.mapDesc"),
    idPrefix,
    valueFormat: (n) => formatNumber(n, lang),
    countLabel: (name, _count, formatted) => t("stats.casesIn", { name, count: formatted }),
    legendTitle: t("stats.legend"),
    noCasesLabel: t("stats.noCases"),
    tableHeaders: [t("stats.country"), t("stats.cases")],
  });
}
