import type { Element } from "hast";
import { h } from "hastscript";
import { viewCase } from "../../link/case-view.js";
import type { CaseEntry } from "../../link/casebook-model.js";
import type { SiteContext } from "../page.js";
import { paths } from "../urls.js";

/** Cases linked from this one first, then those sharing the most models, sectors and countries. */
export function relatedTo(entry: CaseEntry, cases: readonly CaseEntry[], count = 4): CaseEntry[] {
  const shared = (a: readonly string[], b: readonly string[]) => a.filter((x) => b.includes(x)).length;
  return cases
    .filter((other) => other.id !== entry.id)
    .map((other) => ({
      other,
      score:
        (entry.linksTo.includes(other.id) || other.linksTo.includes(entry.id) ? 10 : 0) +
        3 * shared(entry.data.models, other.data.models) +
        2 * shared(entry.data.sectors, other.data.sectors) +
        shared(entry.data.countries.slice(0, 1), other.data.countries.slice(0, 1)),
    }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.other.number - b.other.number)
    .slice(0, count)
    .map((x) => x.other);
}

export function relatedCases(entry: CaseEntry, ctx: SiteContext): Element | null {
  const related = relatedTo(entry, ctx.book.cases);
  if (related.length === 0) return null;
  return h("section.case-related", { ariaLabelledby: "case-related-title" }, [
    h("h2#case-related-title", ctx.t("case.related")),
    h("ul", related.map((r) => h("li", [h("a", { href: paths.case(ctx.lang, r.id) }, viewCase(r, ctx.lang).version.title)]))),
  ]);
}
