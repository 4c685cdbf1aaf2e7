import type { Element } from "hast";
import { h } from "hastscript";
import { viewCase } from "../../link/case-view.js";
import type { CaseEntry } from "../../link/casebook-model.js";
import type { SiteContext } from "../page.js";
import { paths } from "../urls.js";

/**
 * For every case, up to `count` related cases: those it links to or that link to it first, then
 * those sharing the most models, sectors and host country. An inverted index keeps this linear in
 * the number of shared terms rather than quadratic in the number of cases.
 */
export function relatedIndex(cases: readonly CaseEntry[], count = 4): Map<string, CaseEntry[]> {
  const byTerm = new Map<string, CaseEntry[]>();
  const add = (key: string, entry: CaseEntry) => {
    const sharing = byTerm.get(key);
    if (sharing) sharing.push(entry);
    else byTerm.set(key, [entry]);
  };
  const byId = new Map(cases.map((c) => [c.id, c]));
  const linkedFrom = new Map<string, string[]>();
  for (const c of cases) {
    for (const m of c.data.models) add(`m:${m}`, c);
    for (const s of c.data.sectors) add(`s:${s}`, c);
    add(`c:${c.data.countries[0]}`, c);
    for (const target of c.linksTo) {
      const from = linkedFrom.get(target);
      if (from) from.push(c.id);
      else linkedFrom.set(target, [c.id]);
    }
  }
  const weights: [string, (c: CaseEntry) => readonly string[], number][] = [
    ["m:", (c) => c.data.models, 3],
    ["s:", (c) => c.data.sectors, 2],
    ["c:", (c) => c.data.countries.slice(0, 1), 1],
  ];
  const out = new Map<string, CaseEntry[]>();
  for (const entry of cases) {
    const scores = new Map<string, number>();
    const bump = (id: string, n: number) => id !== entry.id && scores.set(id, (scores.get(id) ?? 0) + n);
    for (const id of [...entry.linksTo, ...(linkedFrom.get(entry.id) ?? [])]) bump(id, 10);
    for (const [prefix, terms, weight] of weights)
      for (const term of terms(entry)) {
        const sharing = byTerm.get(prefix + term) ?? [];
        // Very common terms say little; they also make this quadratic, so they are capped.
        for (const other of sharing.slice(0, 400)) bump(other.id, weight);
      }
    // The best `count` by score, then by number: kept while scanning (sorting every candidate of
    // every case cost seconds at 4,000 cases).
    const best: { other: CaseEntry; score: number }[] = [];
    for (const [id, score] of scores) {
      const candidate = { other: byId.get(id)!, score };
      let at = best.length;
      while (at > 0 && ranksBefore(candidate, best[at - 1]!)) at--;
      if (at >= count) continue;
      best.splice(at, 0, candidate);
      if (best.length > count) best.pop();
    }
    out.set(entry.id, best.map((x) => x.other));
  }
  return out;
}

function ranksBefore(a: { other: CaseEntry; score: number }, b: { other: CaseEntry; score: number }): boolean {
  return a.score > b.score || (a.score === b.score && a.other.number < b.other.number);
}

export function relatedCases(related: readonly CaseEntry[], ctx: SiteContext): Element | null {
  if (related.length === 0) return null;
  return h("section.case-related", { ariaLabelledby: "case-related-title" }, [
    h("h2#case-related-title", ctx.t("case.related")),
    h("ul", related.map((r) => h("li", [h("a", { href: paths.case(ctx.lang, r.id) }, viewCase(r, ctx.lang).version.title)]))),
  ]);
}
