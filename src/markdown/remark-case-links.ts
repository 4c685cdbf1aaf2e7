import type { Definition, Emphasis, Link, LinkReference, PhrasingContent, Root } from "mdast";
import type { VFile } from "vfile";
import { renderOption, type RenderOptions } from "./render-context.js";
import { headingIdForFragment } from "./rehype-heading-ids.js";
import { walkMdast } from "./walk-tree.js";

const CASE_URL = /^case:([^#?]*)(?:\?[^#]*)?(?:#(.*))?$/;

export type RemarkCaseLinksOptions = Partial<Pick<RenderOptions, "lang" | "caseId" | "resolveCaseLink">>;

interface Resolved {
  id: string;
  href?: string;
  title?: string;
}

/**
 * `case:<id>` and `case:<id>#fragment` links (inline, autolink or by reference) point to the case
 * page in the reader's language; a fragment names a heading of that case, as its slug. A link to a
 * fragment of the case being rendered stays on the page. A link to an unknown case keeps its text in
 * a `span.case-link-broken` (validation reports it as `case-link-broken`).
 */
export function remarkCaseLinks(options?: RemarkCaseLinksOptions) {
  return (tree: Root, file: VFile): undefined => {
    const lang = renderOption(file, "lang", options) ?? "en";
    const caseId = renderOption(file, "caseId", options);
    const resolve = renderOption(file, "resolveCaseLink", options);
    const resolveUrl = (url: string): Resolved | undefined => {
      const match = CASE_URL.exec(url);
      if (!match) return undefined;
      const id = match[1] ?? "";
      const fragment = match[2] ? headingIdForFragment(match[2]) : "";
      if (id && id === caseId && fragment) return { id, href: `#${fragment}` };
      const target = id ? resolve?.(id, lang) : undefined;
      if (!target) return { id };
      return { id, href: fragment ? `${target.href}#${fragment}` : target.href, ...(target.title ? { title: target.title } : {}) };
    };

    const definitions = new Map<string, Definition>();
    walkMdast(tree, (node) => {
      if (node.type === "definition" && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
    });

    walkMdast(tree, (node, index, parent) => {
      if (node.type !== "link" && node.type !== "linkReference") return;
      const target = node.type === "link" ? node : definitions.get(node.identifier);
      const resolved = target ? resolveUrl(target.url) : undefined;
      if (!resolved) return;
      const title = target?.title ?? resolved.title ?? null;
      const replacement = resolved.href ? caseLink(node, resolved.id, resolved.href, title) : brokenLink(node);
      parent.children.splice(index, 1, replacement);
      return index + 1;
    });
  };
}

function caseLink(node: Link | LinkReference, id: string, href: string, title: string | null): Link {
  return {
    type: "link",
    url: href,
    title,
    children: node.children,
    data: { hProperties: { className: ["case-link"], dataCase: id } },
    ...(node.position ? { position: node.position } : {}),
  };
}

// mdast has no plain span: an emphasis renamed by `hName` becomes `<span>` in hast. This tree is
// our own copy and goes straight to remark-rehype, so no other reader sees the borrowed type.
function brokenLink(node: Link | LinkReference): Emphasis {
  const children: PhrasingContent[] = node.children;
  return {
    type: "emphasis",
    children,
    data: { hName: "span", hProperties: { className: ["case-link-broken"] } },
    ...(node.position ? { position: node.position } : {}),
  };
}
