import type { Element } from "hast";
import { h } from "hastscript";
import { viewCase } from "../../link/case-view.js";
import type { CaseEntry } from "../../link/casebook-model.js";
import type { SiteContext } from "../page.js";
import { paths } from "../urls.js";

/** The terms related cases are chosen by, each with its weight: models, sectors, host country. */
const TERMS: readonly [prefix: string, terms: (c: CaseEntry) => readonly string[], weight: number][] = [
  ["m:", (c) => c.data.models, 3],
  ["s:", (c) => c.data.sectors, 2],
  ["c:", (c) => c.data.countries.slice(0, 1), 1],
];

/** What the choice of related cases reads of a case (the live preview chooses again only when it changes). */
export function relatedInputs(entry: CaseEntry): string {
  return JSON.stringify([TERMS.map(([, terms]) => terms(entry)), entry.linksTo]);
}

/**
 * For every case, up to `count` related cases: those it links to or that link to it first, then
 * those sharing the most models, sectors and host country. An inverted index keeps this linear in
 * the number of shared terms rather than quadratic in the number of cases, and the scores live in
 * one typed array indexed by case (a map per case cost most of a second at 4,000 cases).
 */
export function relatedIndex(cases: readonly CaseEntry[], count = 4): Map<string, CaseEntry[]> {
  const position = new Map(cases.map((c, i) => [c.id, i]));
  const byTerm = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const sharing = byTerm.get(key);
    if (sharing) sharing.push(i);
    else byTerm.set(key, [i]);
  };
  const linkedFrom = new Map<string, number[]>();
  cases.forEach((c, i) => {
    for (const [prefix, terms] of TERMS) for (const term of terms(c)) add(prefix + term, i);
    for (const target of c.linksTo) {
      const from = linkedFrom.get(target);
      if (from) from.push(i);
      else linkedFrom.set(target, [i]);
    }
  });
  // Every score is positive once bumped, so zero means "not a candidate yet".
  const scores = new Float64Array(cases.length);
  const candidates: number[] = [];
  const out = new Map<string, CaseEntry[]>();
  cases.forEach((entry, self) => {
    const bump = (other: number | undefined, n: number) => {
      if (other === undefined || other === self) return;
      if (scores[other] === 0) candidates.push(other);
      scores[other]! += n;
    };
    for (const id of entry.linksTo) bump(position.get(id), 10);
    for (const other of linkedFrom.get(entry.id) ?? []) bump(other, 10);
    for (const [prefix, terms, weight] of TERMS)
      for (const term of terms(entry)) {
        const sharing = byTerm.get(prefix + term) ?? [];
        // Very common terms say little; they also make this quadratic, so they are capped.
        for (let k = 0; k < sharing.length && k < 400; k++) bump(sharing[k], weight);
      }
    // The best `count` by score, then by number: kept while scanning (sorting every candidate of
    // every case cost seconds at 4,000 cases).
    const best: { other: CaseEntry; score: number }[] = [];
    for (const i of candidates) {
      const candidate = { other: cases[i]!, score: scores[i]! };
      scores[i] = 0;
      let at = best.length;
      while (at > 0 && ranksBefore(candidate, best[at - 1]!)) at--;
      if (at >= count) continue;
      best.splice(at, 0, candidate);
      if (best.length > count) best.pop();
    }
    candidates.length = 0;
    out.set(entry.id, best.map((x) => x.other));
  });
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
