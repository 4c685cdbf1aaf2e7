import type { Element, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { visit } from "unist-util-visit";
import type { Language } from "../../schema/languages.js";
import type { Casebook, CaseEntry } from "../link/casebook-model.js";
import { renderMarkdown, type RenderResult } from "../markdown/render-markdown.js";
import { paths } from "./urls.js";

/** One language version's body as a reader sees it: its HTML and its headings. */
export interface ReaderBody {
  /** The serialised, sanitised body (a fragment). */
  html: string;
  headings: RenderResult["headings"];
}

/**
 * The body of each language version of one case, rendered once and serialised once for every page
 * that shows it. Only a body with `case:` links differs between readers (a fallback's links lead
 * to the other cases in the reader's language), and only then is it serialised again.
 */
export interface CaseBodies {
  forReader(versionLang: Language, readerLang: Language): ReaderBody;
}

/** Renders each version of a case once (case links point at the version's own language). */
export function renderCaseBodies(entry: CaseEntry, book: Casebook): CaseBodies {
  const rendered = new Map<Language, { body: RenderResult; caseLinks: boolean }>();
  for (const [lang, version] of entry.versions) {
    const body = renderMarkdown(version.mdast, {
      lang,
      caseId: entry.id,
      resolveCaseLink: (id, linkLang) => (book.byId.has(id) ? { href: paths.case(linkLang, id) } : undefined),
      resolveAsset: (file) => paths.caseAsset(entry.id, file),
    });
    rendered.set(lang, { body, caseLinks: hasCaseLinks(body.hast) });
  }
  const made = new Map<string, ReaderBody>();
  return {
    forReader(versionLang, readerLang) {
      const version = rendered.get(versionLang);
      if (!version) throw new Error(`case ${entry.id} has no ${versionLang} version`);
      // Without case links every reader gets the version's own HTML.
      const variant = version.caseLinks ? readerLang : versionLang;
      const key = `${versionLang}>${variant}`;
      let body = made.get(key);
      if (!body) {
        body = { html: toHtml(variant === versionLang ? version.body.hast : withCaseLinksIn(version.body.hast, variant)), headings: version.body.headings };
        made.set(key, body);
      }
      return body;
    },
  };
}

function isCaseLink(node: Element): boolean {
  return node.tagName === "a" && node.properties["dataCase"] !== undefined;
}

function hasCaseLinks(tree: Root): boolean {
  let found = false;
  visit(tree, "element", (node: Element) => {
    if (!isCaseLink(node)) return undefined;
    found = true;
    return false;
  });
  return found;
}

/** A copy of a body whose case links lead to the other cases in `readerLang`. */
function withCaseLinksIn(tree: Root, readerLang: Language): Root {
  const copy = structuredClone(tree);
  visit(copy, "element", (node: Element) => {
    if (!isCaseLink(node)) return;
    const href = node.properties["href"];
    if (typeof href === "string") node.properties["href"] = href.replace(/^\/[a-z]{2}\//, `/${readerLang}/`);
  });
  return copy;
}
