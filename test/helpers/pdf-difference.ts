import { fontsOf, load } from "../fixtures/print/read-pdf.js";

/**
 * What differs between two printings of the same PDF, for a failure message: sizes, page counts,
 * the first page whose text differs, and the fonts of each. A byte comparison alone says only that
 * two files differ; this says where to look when it happens on a machine where it cannot be
 * reproduced.
 */
export async function describePdfDifference(a: Uint8Array, b: Uint8Array): Promise<string> {
  const [first, second] = await Promise.all([load(a), load(b)]);
  const lines = [`${a.length} bytes, ${first.pages.length} pages / ${b.length} bytes, ${second.pages.length} pages`];
  const page = first.pages.findIndex((p, i) => p.text !== second.pages[i]?.text);
  if (page >= 0) lines.push(`text differs from page ${page + 1}:`, `  ${first.pages[page]?.text.slice(0, 300)}`, `  ${second.pages[page]?.text.slice(0, 300) ?? "(no such page)"}`);
  else lines.push("same text on every page");
  const [fontsA, fontsB] = (await Promise.all([fontsOf(a), fontsOf(b)])).map((fonts) => fonts.map((f) => f.name).join(" "));
  if (fontsA === fontsB) lines.push(`same fonts: ${fontsA}`);
  else lines.push(`fonts: ${fontsA}`, `  / ${fontsB}`);
  const at = a.findIndex((byte, i) => byte !== b[i]);
  const around = (bytes: Uint8Array) => JSON.stringify(Buffer.from(bytes.subarray(Math.max(0, at - 40), at + 80)).toString("latin1"));
  if (at >= 0) lines.push(`first different byte at ${at}: ${around(a)}`, `  / ${around(b)}`);
  return lines.join("\n");
}
