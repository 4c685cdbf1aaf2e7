import fc from "fast-check";
import type { Element, ElementContent, Root } from "hast";
import { SKIP as UNIST_SKIP, visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { forEachElement, SKIP, walkElements, walkHast } from "../src/markdown/walk-tree.js";

/**
 * The walker that replaced unist-util-visit in the rendering stages (it allocated a closure per node
 * and renamed it): it must visit the same nodes in the same order and leave the same tree, whatever
 * the visitor does to the tree on the way (replace the node, remove it, insert after it, skip it).
 */

type Action = "go" | "skip" | "remove" | "replace" | "insert-after";

const TAGS = ["p", "div", "table", "td", "a", "img", "span"];

const tree: fc.Arbitrary<Root> = fc
  .letrec<{ node: ElementContent; nodes: ElementContent[] }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.string({ maxLength: 3 }).map((value): ElementContent => ({ type: "text", value })),
      fc.record({ tagName: fc.constantFrom(...TAGS), children: tie("nodes") }).map(({ tagName, children }): ElementContent => ({ type: "element", tagName, properties: {}, children: children as ElementContent[] })),
    ),
    nodes: fc.array(tie("node"), { maxLength: 4 }),
  }))
  .nodes.map((children) => ({ type: "root", children }));

/** Numbers every element, so that a run can name what it saw. */
function label(root: Root): Root {
  let n = 0;
  forEachElement(root, (element) => {
    element.properties["n"] = n++;
  });
  return root;
}

/** What the visitor does at each visited element, chosen by the element's number. */
function run(root: Root, actions: Action[], walker: "unist" | "ours"): { seen: number[]; html: string } {
  const seen: number[] = [];
  let made = 1000;
  const act = (node: Element, index: number, parent: Root | Element) => {
    const n = Number(node.properties["n"]);
    seen.push(n);
    const action = actions[n % actions.length]!;
    const fresh = (): Element => ({ type: "element", tagName: "em", properties: { n: made++ }, children: [{ type: "element", tagName: "b", properties: { n: made++ }, children: [] }] });
    switch (action) {
      case "go":
        return "go" as const;
      case "skip":
        return "skip" as const;
      case "remove":
        parent.children.splice(index, 1);
        return index;
      case "replace":
        parent.children.splice(index, 1, { type: "element", tagName: "section", properties: { n: made++ }, children: [node] });
        return "go" as const;
      case "insert-after":
        parent.children.splice(index + 1, 0, fresh());
        return index + 2;
    }
  };
  if (walker === "unist")
    visit(root, "element", (node, index, parent) => {
      if (index === undefined || !parent) return undefined;
      const step = act(node, index, parent);
      return step === "go" ? undefined : step === "skip" ? UNIST_SKIP : [UNIST_SKIP, step];
    });
  else
    walkElements(root, (node, index, parent) => {
      const step = act(node, index, parent);
      return step === "go" ? undefined : step === "skip" ? SKIP : step;
    });
  return { seen, html: JSON.stringify(root) };
}

describe("walkElements", () => {
  it("visits and changes the tree exactly as unist-util-visit does", () => {
    fc.assert(
      fc.property(tree, fc.array(fc.constantFrom<Action>("go", "skip", "remove", "replace", "insert-after"), { minLength: 1, maxLength: 6 }), (root, actions) => {
        const ours = run(label(structuredClone(root)), actions, "ours");
        const theirs = run(label(structuredClone(root)), actions, "unist");
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 400 },
    );
  });

  it("passes text and raw nodes by, and walkHast and forEachElement see them as the visitor is told", () => {
    const root: Root = {
      type: "root",
      children: [
        { type: "element", tagName: "p", properties: {}, children: [{ type: "text", value: "a" }, { type: "raw", value: "<b>" }] },
        { type: "comment", value: "c" },
      ],
    };
    const elements: string[] = [];
    walkElements(root, (node) => void elements.push(node.tagName));
    expect(elements).toEqual(["p"]);
    const types: string[] = [];
    walkHast(root, (node) => void types.push(node.type));
    expect(types).toEqual(["element", "text", "raw", "comment"]);
    const all: string[] = [];
    forEachElement(root.children[0]!, (node) => void all.push(node.tagName));
    expect(all).toEqual(["p"]);
  });
});
