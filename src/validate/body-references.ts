import type { Element } from "hast";
import { fromHtml } from "hast-util-from-html";
import type { Definition, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { walkElements, walkMdast } from "../markdown/walk-tree.js";
import { mayHoldRawUrls } from "./fast-body-scan.js";

export interface BodyReference {
  url: string;
  /** Offsets in the body. */
  start: number;
  end: number;
  /** Written in raw HTML (`<a href>`, `<img src>`), whose problems are warnings: the sanitiser removes what is unsafe. */
  raw?: true;
}
export interface BodyImage extends BodyReference {
  alt: string;
}
export interface BodyHeading extends BodyReference {
  depth: number;
  text: string;
}
export interface BodyReferences {
  links: BodyReference[];
  images: BodyImage[];
  headings: BodyHeading[];
  /** Found by the fast scan: no positions, so any finding sends the file to a full parse. */
  approximate?: boolean;
}

const span = (node: { position?: { start: { offset?: number }; end: { offset?: number } } }) => ({
  start: node.position?.start.offset ?? 0,
  end: node.position?.end.offset ?? 0,
});

/** The links, images and headings of a case body, with their places, for the body rules. */
export function bodyReferences(tree: Root): BodyReferences {
  const definitions = new Map<string, Definition>();
  walkMdast(tree, (node) => {
    if (node.type === "definition" && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  const out: BodyReferences = { links: [], images: [], headings: [] };
  walkMdast(tree, (node) => {
    switch (node.type) {
      case "link":
        out.links.push({ url: node.url, ...span(node) });
        break;
      case "definition":
        out.links.push({ url: node.url, ...span(node) });
        break;
      case "image":
        out.images.push({ url: node.url, alt: node.alt ?? "", ...span(node) });
        break;
      case "imageReference": {
        const target = definitions.get(node.identifier);
        if (target) out.images.push({ url: target.url, alt: node.alt ?? "", ...span(node) });
        break;
      }
      case "heading":
        out.headings.push({ url: "", depth: node.depth, text: toString(node).trim(), ...span(node) });
        break;
      case "html":
        rawHtmlReferences(node.value, span(node), out);
        break;
    }
  });
  return out;
}

/**
 * The `<a href>` and `<img src>` of a piece of raw HTML, read as a browser reads it (the only
 * elements the sanitiser keeps with a URL), placed at the piece: the same rules check them as
 * Markdown links and images. A `case:` link in raw HTML is dropped by the sanitiser, not checked.
 */
function rawHtmlReferences(html: string, place: { start: number; end: number }, out: BodyReferences): void {
  if (!mayHoldRawUrls(html)) return;
  let tree;
  try {
    tree = fromHtml(html, { fragment: true });
  } catch (error) {
    // Thousands of nested tags overflow the stack of the tree builder; the renderer shows such
    // markup as text (see rehype-raw-html.ts), so it has no image or link to check.
    if (error instanceof RangeError) return;
    throw error;
  }
  walkElements(tree, (element: Element) => {
    const value = (name: string) => (typeof element.properties[name] === "string" ? (element.properties[name] as string) : undefined);
    if (element.tagName === "img") out.images.push({ url: value("src") ?? "", alt: value("alt") ?? "", ...place, raw: true });
    const href = element.tagName === "a" ? value("href") : undefined;
    if (href !== undefined && !href.trim().toLowerCase().startsWith("case:")) out.links.push({ url: href, ...place, raw: true });
  });
}
