import { distance } from "fastest-levenshtein";

/** The candidates closest to `input` by edit distance (ties keep the vocabulary's order). */
export function closest(input: string, candidates: readonly string[], count = 3): string[] {
  const needle = input.toLowerCase();
  return candidates
    .map((c, index) => ({ c, index, d: distance(needle, c.toLowerCase()) - (c.toLowerCase().includes(needle) && needle.length > 2 ? 2 : 0) }))
    .sort((a, b) => a.d - b.d || a.index - b.index)
    .slice(0, count)
    .map((x) => x.c);
}

/** The single nearest candidate, only when it is near enough to be a likely typo. */
export function likelyTypo(input: string, candidates: readonly string[]): string | undefined {
  const [best] = closest(input, candidates, 1);
  if (best === undefined) return undefined;
  return distance(input.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}
