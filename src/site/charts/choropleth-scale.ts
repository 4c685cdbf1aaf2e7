/** Shading steps for countries with cases; step 0 is "no cases". */
export const choroplethSteps = 5;

/**
 * Upper bounds (inclusive) of the shading steps for counts from 1 to `max`: whole numbers on a logarithmic
 * scale, so that a few countries with many cases do not leave all others in the palest step. With `max` ≤ 5
 * every count is its own step and the darker steps stay unused. Example: max 100 → [3, 6, 16, 40, 100].
 */
export function choroplethBreaks(max: number): number[] {
  if (!(max >= 1)) return [];
  const top = Math.ceil(max);
  if (top <= choroplethSteps) return Array.from({ length: top }, (_, index) => index + 1);
  const breaks: number[] = [];
  for (let step = 1; step <= choroplethSteps; step += 1) {
    const previous = breaks.at(-1) ?? 0;
    const bound = step === choroplethSteps ? top : Math.round(top ** (step / choroplethSteps));
    breaks.push(Math.max(bound, previous + 1));
  }
  return breaks;
}

/** The step (0 to 5) of a count: 0 when it is 0 or missing. */
export function choroplethStep(count: number | undefined, breaks: readonly number[]): number {
  if (count === undefined || !(count > 0)) return 0;
  const index = breaks.findIndex((bound) => count <= bound);
  return index === -1 ? breaks.length : index + 1;
}

/**
 * The fill of each step as a presentation attribute, for a map shown without the theme (a feed reader, a saved
 * file). Any CSS rule on `.choropleth-N` overrides it, so the theme's light and dark palettes win.
 */
export const fallbackFill = ["#e8ecf0", "#cfe1f3", "#9ec5e8", "#5f9fd6", "#2e78bd", "#0b4f94"] as const;
