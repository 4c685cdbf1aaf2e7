import * as pagefind from "pagefind";

export interface IndexedPage {
  /** The page's URL path (`/en/cases/x/`). */
  path: string;
  html: string;
}

export interface SearchIndexFile {
  /** Path inside the `pagefind/` folder. */
  path: string;
  content: Uint8Array;
}

export class SearchIndexError extends Error {
  override name = "SearchIndexError";
}

/**
 * Builds the Pagefind index of the given pages (one index per `<html lang>`) and returns its files.
 * Pagefind's errors are fatal, and its service is always closed.
 */
export async function buildSearchIndex(pages: readonly IndexedPage[]): Promise<SearchIndexFile[]> {
  try {
    const created = await pagefind.createIndex({});
    if (created.errors.length || !created.index) throw new SearchIndexError(`Pagefind could not start: ${created.errors.join("; ")}`);
    const { index } = created;
    for (const page of pages) {
      const added = await index.addHTMLFile({ url: page.path, content: page.html });
      if (added.errors.length) throw new SearchIndexError(`Pagefind could not index ${page.path}: ${added.errors.join("; ")}`);
    }
    const result = await index.getFiles();
    if (result.errors.length) throw new SearchIndexError(`Pagefind could not write its index: ${result.errors.join("; ")}`);
    return result.files.map((f) => ({ path: f.path, content: f.content }));
  } finally {
    await pagefind.close();
  }
}
