/**
 * Generated regions of a Markdown file: `<!-- generated:NAME -->`, the generated text, then
 * `<!-- /generated -->`. Everything outside the markers is written by people and kept as it is.
 */
const REGION = /<!-- generated:([a-z-]+) -->\n[\s\S]*?<!-- \/generated -->/g;
const OPENING = /<!-- generated:([a-z-]+) -->/g;

export class RegionError extends Error {
  override name = "RegionError";
}

/** Replaces the content of every region with `render(name)`; each of `required` must appear exactly once. */
export function fillRegions(text: string, render: (name: string) => string | undefined, required: readonly string[], file: string): string {
  const names = [...text.matchAll(OPENING)].map((m) => m[1]!);
  for (const name of required) {
    const count = names.filter((n) => n === name).length;
    if (count !== 1) throw new RegionError(`${file} must contain the region <!-- generated:${name} --> … <!-- /generated --> exactly once (found ${count}).`);
  }
  let filled = 0;
  const out = text.replace(REGION, (_match, name: string) => {
    const content = render(name);
    if (content === undefined) throw new RegionError(`${file} has an unknown generated region "${name}".`);
    filled++;
    return `<!-- generated:${name} -->\n${content.trimEnd()}\n<!-- /generated -->`;
  });
  if (filled !== names.length) throw new RegionError(`${file} has a <!-- generated:… --> marker without its closing <!-- /generated -->.`);
  return out;
}
