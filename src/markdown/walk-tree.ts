import type { Element, Root as HastRoot, RootContent as HastContent } from "hast";
import type { Nodes as MdastNodes, Parents as MdastParents, Root as MdastRoot } from "mdast";

/** Returned by a visitor: do not walk into this node's children. */
export const SKIP = "skip";

/**
 * What a visitor returns: nothing (walk into the node's children, then on to the next sibling),
 * `SKIP` (on to the next sibling), or the index in `parent.children` to go on from (the visitor
 * replaced or removed nodes; the node's children are not walked).
 */
export type WalkStep = number | typeof SKIP | undefined | void;

type Visitor<N, P> = (node: N, index: number, parent: P) => WalkStep;

interface Tree<N> {
  children: N[];
}

/**
 * Walks the descendants of `tree` in document order (a node before its children). The trees of a
 * case are walked by every stage of rendering, a dozen times over: unist-util-visit made a closure
 * per node and renamed it for its debugger (`Object.defineProperty(visit, "name", …)`), about a
 * fifth of turning a body into HTML; this loop costs next to nothing.
 */
function walk<N, P extends Tree<N>>(parent: P, visit: (node: N, index: number, parent: P) => WalkStep, enter: (node: N) => P | undefined): void {
  const children = parent.children;
  let index = 0;
  while (index < children.length) {
    const node = children[index]!;
    const step = visit(node, index, parent);
    if (typeof step === "number") {
      index = step;
      continue;
    }
    const inner = step === SKIP ? undefined : enter(node);
    if (inner) walk(inner, visit, enter);
    index++;
  }
}

type HastParent = HastRoot | Element;

const hastParent = (node: HastContent | HastRoot): HastParent | undefined => (node.type === "element" || node.type === "root" ? node : undefined);

/** Every element under `tree` (hast), in document order; text, comments and raw HTML are passed by. */
export function walkElements(tree: HastParent, visit: Visitor<Element, HastParent>): void {
  walk<HastContent, HastParent>(tree, (node, index, parent) => (node.type === "element" ? visit(node, index, parent) : SKIP), hastParent);
}

/** Every node under `tree` (hast): elements, text, comments, raw HTML. */
export function walkHast(tree: HastParent, visit: Visitor<HastContent, HastParent>): void {
  walk<HastContent, HastParent>(tree, visit, hastParent);
}

/** Every node under `tree` (mdast), in document order. */
export function walkMdast(tree: MdastRoot | MdastParents, visit: Visitor<MdastNodes, MdastParents>): void {
  walk<MdastNodes, MdastParents>(tree, visit, (node) => ("children" in node ? node : undefined));
}

/** `node` itself when it is an element, then every element under it. */
export function forEachElement(node: HastContent | HastRoot, visit: (element: Element) => void): void {
  if (node.type === "element") visit(node);
  const parent = hastParent(node);
  if (parent) walkElements(parent, (element) => void visit(element));
}
