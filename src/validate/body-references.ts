import type { Definition, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";

export interface BodyReference {
  url: string;
  /** Offsets in the body. */
  start: number;
  end: number;
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
  visit(tree, "definition", (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  const out: BodyReferences = { links: [], images: [], headings: [] };
  visit(tree, (node) => {
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
    }
  });
  return out;
}
