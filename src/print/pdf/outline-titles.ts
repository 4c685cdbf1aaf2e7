import type { PdfFile } from "./pdf-file.js";
import { atomText } from "./pdf-destinations.js";
import { dictOf, PdfAtom, PdfRef, textString, type PdfValue } from "./pdf-syntax.js";

/**
 * Gives the bookmarks the titles of their headings. Chromium makes a bookmark of every heading, in
 * order, but builds its title from the laid-out lines (a heading that wraps loses a space). Walking
 * the outline in order beside the headings, a bookmark whose letters are the heading's (in any case:
 * CSS may capitalise them) gets
 * the heading's title. The file's parsed objects are changed in place; returns their numbers.
 */
export function fixOutlineTitles(pdf: PdfFile, headings: readonly { text: string; title: string }[]): number[] {
  const outlines = pdf.dict(pdf.catalog.get("Outlines"));
  if (!outlines) return [];
  const letters = (text: string) => text.replace(/\s+/g, "").toLowerCase();
  const changed: number[] = [];
  let next = 0;
  const walk = (first: PdfValue | undefined) => {
    let ref = first;
    const seen = new Set<number>();
    while (ref instanceof PdfRef && !seen.has(ref.num)) {
      seen.add(ref.num);
      const item = dictOf(pdf.object(ref.num).value);
      if (!item) return;
      const title = item.get("Title");
      const text = title instanceof PdfAtom ? atomText(title.raw) : "";
      // The next heading with the same letters (headings Chromium left out are skipped).
      let k = next;
      while (k < headings.length && letters(headings[k]!.text) !== letters(text)) k++;
      if (k < headings.length) {
        next = k + 1;
        const wanted = headings[k]!.title;
        if (wanted !== text) {
          item.set("Title", textString(wanted));
          changed.push(ref.num);
        }
      }
      walk(item.get("First"));
      ref = item.get("Next");
    }
  };
  walk(outlines.get("First"));
  return changed;
}
