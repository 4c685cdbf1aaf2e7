import { randomBytes } from "node:crypto";
import type { Language } from "../../schema/languages.js";
import type { Casebook, CaseEntry } from "../link/casebook-model.js";
import { hastToHtml, renderMarkdown, type RenderResult } from "../markdown/render-markdown.js";
import { paths } from "./urls.js";

/** One language version's body as a reader sees it: its HTML and its headings. */
export interface ReaderBody {
  /** The serialised, sanitised body (a fragment). */
  html: string;
  headings: RenderResult["headings"];
}

/**
 * The body of each language version of one case, rendered and serialised once for every page that
 * shows it. Only its `case:` links differ between readers: on a fallback page they lead to the
 * other cases in the reader's language.
 */
export interface CaseBodies {
  forReader(versionLang: Language, readerLang: Language): ReaderBody;
}

/**
 * Stands for the language part of a case link's address in a serialised body (`/en/` in
 * `/en/cases/<id>/`) until a reader's language replaces it. Unguessable, so no text of a case can
 * contain it.
 */
const READER_LANG = `/lang-${randomBytes(12).toString("hex")}/`;

/** Renders each version of a case once; case links get the reader's language when a page asks. */
export function renderCaseBodies(entry: CaseEntry, book: Casebook): CaseBodies {
  const serialised = new Map<Language, { html: string; headings: RenderResult["headings"] }>();
  for (const [lang, version] of entry.versions) {
    const body = renderMarkdown(version.markdown, {
      lang,
      caseId: entry.id,
      resolveCaseLink: (id, linkLang) => (book.byId.has(id) ? { href: paths.case(linkLang, id).replace(/^\/[a-z]{2}\//, READER_LANG) } : undefined),
      resolveAsset: (file) => paths.caseAsset(entry.id, file),
    });
    serialised.set(lang, { html: hastToHtml(body.hast), headings: body.headings });
  }
  const made = new Map<string, ReaderBody>();
  return {
    forReader(versionLang, readerLang) {
      const key = `${versionLang}>${readerLang}`;
      let body = made.get(key);
      if (!body) {
        const version = serialised.get(versionLang);
        if (!version) throw new Error(`case ${entry.id} has no ${versionLang} version`);
        body = { html: version.html.replaceAll(READER_LANG, `/${readerLang}/`), headings: version.headings };
        made.set(key, body);
      }
      return body;
    },
  };
}
