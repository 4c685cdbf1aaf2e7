import { createHash } from "node:crypto";
import type { BuildInputs } from "../cache/build-inputs.js";
import { caseFace, casePageKeys } from "../cache/case-page-key.js";
import { hashText } from "../cache/hash-tree.js";
import { listingFragment, listingKeys } from "../cache/listings-key.js";
import type { CaseEntry, Casebook } from "../link/casebook-model.js";
import type { CaseAssetListing } from "../load/list-case-assets.js";
import type { LoadedCasebook, LoadedFile } from "../load/load-casebook.js";
import { relatedIndex, relatedInputs } from "../site/components/related-cases.js";

/** The keys of the preview's pages at one moment: each case's pages, and the listings. */
export interface PreviewPageKeys {
  cases: ReadonlyMap<string, string>;
  listings: string;
}

/** What the keys need of one case, kept while its files and assets are the same objects. */
interface CaseMemo {
  files: readonly LoadedFile[];
  listing: CaseAssetListing | undefined;
  number: number;
  /** Its content hash, what other pages show of it, what the listings show of it. */
  content: string;
  face: string;
  fragment: string;
  /** What related cases are chosen from (models, sectors, host country, links). */
  relatedBy: string;
}

/**
 * The keys of the preview's pages (the build cache's own: see case-page-key.ts and listings-key.ts),
 * and the related cases, from what is in memory. A case whose files and asset listing are the same
 * objects as at the last update (the reloader and the validation memo keep them) is not hashed
 * again; a listing read again (its folder changed) counts as new content, so that its media are
 * copied. The related cases are chosen again only when what they are chosen from changed. The
 * shared inputs (theme, vocabularies, configuration) never change here: they make a full build.
 */
export class PreviewKeys {
  readonly #shared = hashText("preview", String(Date.now()), String(process.hrtime.bigint()));
  #memo = new Map<string, CaseMemo>();
  /** The casebook the memo was made for. */
  #book: Casebook | undefined;
  #related: ReadonlyMap<string, readonly CaseEntry[]> | undefined;
  #current: PreviewPageKeys | undefined;
  #serial = 0;
  /** A number for each asset listing seen: a listing read again is a new object, so new content. */
  readonly #listings = new WeakMap<CaseAssetListing, number>();

  of(book: Casebook, loaded: LoadedCasebook): { keys: PreviewPageKeys; related: ReadonlyMap<string, readonly CaseEntry[]> } {
    // Numbers and links between cases depend on which cases there are.
    if (!this.#book || !sameCaseIds(this.#book, book)) this.#memo = new Map();
    this.#book = book;
    const filesOf = new Map<string, LoadedFile[]>();
    for (const file of loaded.files) {
      const files = filesOf.get(file.ref.id);
      if (files) files.push(file);
      else filesOf.set(file.ref.id, [file]);
    }
    const memo = new Map<string, CaseMemo>();
    let relatedChanged = this.#related === undefined;
    for (const entry of book.cases) {
      const files = filesOf.get(entry.id) ?? [];
      const listing = loaded.assets.get(entry.id);
      const before = this.#memo.get(entry.id);
      const same = before !== undefined && before.listing === listing && before.number === entry.number && before.files.length === files.length && before.files.every((f, i) => f === files[i]);
      const now = same ? before : this.#caseMemo(entry, files, listing);
      if (!before || now.relatedBy !== before.relatedBy) relatedChanged = true;
      memo.set(entry.id, now);
    }
    this.#memo = memo;
    const related = relatedChanged ? relatedIndex(book.cases) : new Map([...this.#related!].map(([id, list]) => [id, list.map((other) => book.byId.get(other.id)!)]));
    this.#related = related;
    const inputs: BuildInputs = { key: "", shared: this.#shared, cases: new Map([...memo].map(([id, m]) => [id, m.content])) };
    const pageOptions = { withPdf: false, edition: null };
    const keyOf = casePageKeys(book, related, inputs, pageOptions, (entry) => memo.get(entry.id)!.face);
    const listingOf = listingKeys(book, inputs, pageOptions, (entry) => memo.get(entry.id)!.fragment);
    const keys = { cases: new Map(book.cases.map((entry) => [entry.id, keyOf(entry)])), listings: book.languages.map(listingOf).join(",") };
    return { keys, related };
  }

  /** Whether the pages of case `id` differ from the ones last remembered. */
  changed(keys: PreviewPageKeys, id: string): boolean {
    return this.#current?.cases.get(id) !== keys.cases.get(id);
  }

  listingsChanged(keys: PreviewPageKeys): boolean {
    return this.#current?.listings !== keys.listings;
  }

  /** The keys of the pages now in the preview's folder. */
  remember(keys: PreviewPageKeys): void {
    this.#current = keys;
  }

  #caseMemo(entry: CaseEntry, files: readonly LoadedFile[], listing: CaseAssetListing | undefined): CaseMemo {
    const content = createHash("sha256");
    for (const file of files) content.update(`${file.ref.display}\0`).update(file.source?.text ?? "").update("\0");
    if (listing && !this.#listings.has(listing)) this.#listings.set(listing, ++this.#serial);
    content.update(`assets\0${listing ? this.#listings.get(listing) : 0}`);
    return {
      files,
      listing,
      number: entry.number,
      content: content.digest("hex"),
      face: caseFace(entry),
      fragment: listingFragment(entry),
      relatedBy: relatedInputs(entry),
    };
  }
}

/** Whether two casebooks hold the same cases, in the same order. */
export function sameCaseIds(a: Casebook, b: Casebook): boolean {
  return a.cases.length === b.cases.length && a.cases.every((c, i) => c.id === b.cases[i]?.id);
}
