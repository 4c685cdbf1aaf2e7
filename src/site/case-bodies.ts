import type { Element, ElementContent, Root } from "hast";
import { visit } from "unist-util-visit";
import type { Language } from "../../schema/languages.js";
import type { Casebook, CaseEntry } from "../link/casebook-model.js";
import { renderMarkdown, type RenderResult } from "../markdown/render-markdown.js";
import { paths } from "./urls.js";

/** The rendered body of each language version of one case, made once and shared by every page. */
export type CaseBodies = ReadonlyMap<Language, RenderResult>;

/** Renders each version of a case once (case links point at the version's own language). */
export function renderCaseBodies(entry: CaseEntry, book: Casebook): CaseBodies {
  const bodies = new Map<Language, RenderResult>();
  for (const [lang, version] of entry.versions) {
    bodies.set(
      lang,
      renderMarkdown(version.mdast, {
        lang,
        caseId: entry.id,
        resolveCaseLink: (id, linkLang) => (book.byId.has(id) ? { href: paths.case(linkLang, id) } : undefined),
        resolveAsset: (file) => paths.caseAsset(entry.id, file),
      }),
    );
  }
  return bodies;
}

/**
 * The body a reader in `readerLang` sees: the version's tree, or for a fallback a copy whose case
 * links lead to the other cases in the reader's language.
 */
export function bodyForReader(body: RenderResult, versionLang: Language, readerLang: Language): { children: ElementContent[]; headings: RenderResult["headings"] } {
  if (versionLang === readerLang) return { children: body.hast.children as ElementContent[], headings: body.headings };
  const copy = structuredClone(body.hast) as Root;
  visit(copy, "element", (node: Element) => {
    if (node.tagName !== "a" || node.properties["dataCase"] === undefined) return;
    const href = node.properties["href"];
    if (typeof href === "string") node.properties["href"] = href.replace(/^\/[a-z]{2}\//, `/${readerLang}/`);
  });
  return { children: copy.children as ElementContent[], headings: body.headings };
}
