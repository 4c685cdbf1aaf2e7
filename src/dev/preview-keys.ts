import { createHash } from "node:crypto";
import type { BuildInputs } from "../cache/build-inputs.js";
import { casePageKeys } from "../cache/case-page-key.js";
import { hashText } from "../cache/hash-tree.js";
import { listingKeys } from "../cache/listings-key.js";
import type { CaseEntry, Casebook } from "../link/casebook-model.js";
import type { CaseAssetListing } from "../load/list-case-assets.js";
import type { LoadedCasebook, LoadedFile } from "../load/load-casebook.js";

/** The keys of the preview's pages at one moment: each case's pages, and the listings. */
export interface PreviewPageKeys {
  cases: ReadonlyMap<string, string>;
  listings: string;
}

/**
 * The keys of the preview's pages (the build cache's own: see case-page-key.ts and listings-key.ts),
 * from what is in memory: each case's content is its files' texts and its asset listing, and a
 * listing read again (its folder changed) counts as new content, so that its media are copied.
 * The shared inputs (theme, vocabularies, configuration) never change here: they make a full build.
 */
export class PreviewKeys {
  readonly #shared = hashText("preview", String(Date.now()), String(process.hrtime.bigint()));
  readonly #texts = new WeakMap<LoadedFile, string>();
  readonly #listings = new WeakMap<CaseAssetListing, number>();
  #serial = 0;
  #current: PreviewPageKeys | undefined;

  of(book: Casebook, loaded: LoadedCasebook, related: ReadonlyMap<string, readonly CaseEntry[]>): PreviewPageKeys {
    const content = new Map<string, ReturnType<typeof createHash>>();
    for (const file of loaded.files) {
      let text = this.#texts.get(file);
      if (text === undefined) {
        text = createHash("sha256").update(file.source?.text ?? "").digest("hex");
        this.#texts.set(file, text);
      }
      let hash = content.get(file.ref.id);
      if (!hash) content.set(file.ref.id, (hash = createHash("sha256")));
      hash.update(`${file.ref.display}\0${text}\0`);
    }
    const cases = new Map<string, string>();
    for (const [id, hash] of content) {
      const listing = loaded.assets.get(id);
      if (listing && !this.#listings.has(listing)) this.#listings.set(listing, ++this.#serial);
      cases.set(id, hash.update(`assets\0${listing ? this.#listings.get(listing) : 0}`).digest("hex"));
    }
    const inputs: BuildInputs = { key: "", shared: this.#shared, cases };
    const pageOptions = { withPdf: false, edition: null };
    const keyOf = casePageKeys(book, related, inputs, pageOptions);
    const listingOf = listingKeys(book, inputs, pageOptions);
    return { cases: new Map(book.cases.map((entry) => [entry.id, keyOf(entry)])), listings: book.languages.map(listingOf).join(",") };
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
}
