import type { CaseEntry, Casebook } from "../link/casebook-model.js";
import { hashText, newHash } from "./hash-tree.js";
import type { BuildInputs } from "./build-inputs.js";

/**
 * The keys of each case's pages. A case page shows the case itself and, of its neighbours and related
 * cases, their titles in each language (see case-page.ts: the pager and the related cases), and links
 * to other cases by id; around it, the configuration, vocabularies and theme. So its key is made of
 * the shared inputs, the list of case ids in order, the page options (PDF links, a release's
 * edition), the content hash of the case, and the titles of its neighbours and related cases: a body
 * edit renders only its own case again, a new title also the pages that show it.
 */
export function casePageKeys(
  book: Casebook,
  related: ReadonlyMap<string, readonly CaseEntry[]>,
  inputs: BuildInputs,
  pageOptions: Record<string, unknown>,
  faceOf: (entry: CaseEntry) => string = caseFace,
): (entry: CaseEntry) => string {
  const ids = hashText(...book.cases.map((c) => c.id));
  const stamp = (entry: CaseEntry) => `${entry.id}:${inputs.cases.get(entry.id) ?? "?"}`;
  // Each case's face is shown on up to six other pages (neighbours and related cases): made once.
  const faces = new Map<CaseEntry, string>();
  const face = (entry: CaseEntry | undefined) => {
    if (!entry) return "-";
    let made = faces.get(entry);
    if (made === undefined) faces.set(entry, (made = faceOf(entry)));
    return made;
  };
  const base = hashText(inputs.shared, ids, book.languages.join(","), JSON.stringify(pageOptions));
  return (entry) => {
    const hash = newHash().update(base).update("\0").update(stamp(entry));
    hash.update(`\0prev ${face(book.cases[entry.number - 2])}\0next ${face(book.cases[entry.number])}\0related`);
    for (const other of related.get(entry.id) ?? []) hash.update(`\0${face(other)}`);
    return hash.digest("hex");
  };
}

/** What another case's page shows of a case: its titles (see casePageKeys). */
export function caseFace(entry: CaseEntry): string {
  return JSON.stringify([entry.id, entry.originalLang, [...entry.versions].map(([lang, v]) => [lang, v.title])]);
}

/** The options that change every case page, as their keys take them. */
export function casePageOptions(options: { withPdf: boolean; edition?: unknown }): Record<string, unknown> {
  return { withPdf: options.withPdf, edition: options.edition ?? null };
}
