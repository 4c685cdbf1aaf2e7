import type { Element, ElementContent } from "hast";
import { h } from "hastscript";
import { viewCase } from "../link/case-view.js";
import type { CaseEntry } from "../link/casebook-model.js";
import { partNumeral, type BookPart } from "./group-cases.js";
import { anchors, HTML_LANG, pageNumber, type PrintContext } from "./print-context.js";
import { versoFiller } from "./verso-filler.js";

/** An entry of the front or back matter: its anchor and its title in the contents. */
export interface MatterEntry {
  anchor: string;
  title: string;
}

/**
 * The table of contents: front matter, each part with its cases (number, title, page), back matter.
 * Every line is one link, so a reader clicks anywhere on it; the page number is filled in by
 * `paginate.ts`.
 */
export function contents(parts: BookPart[], front: MatterEntry[], back: MatterEntry[], ctx: PrintContext): ElementContent[] {
  const line = (anchor: string, className: string, label: ElementContent[]) =>
    h("li", { className: [className] }, [h("a.toc-line", { href: `#${anchor}` }, [h("span.toc-label", label), h("span.toc-fill"), pageNumber(anchor, ctx)])]);
  const matter = (entry: MatterEntry) => line(entry.anchor, "toc-matter", [{ type: "text", value: entry.title }]);
  const caseLine = (entry: CaseEntry) => {
    const version = viewCase(entry, ctx.lang).version;
    return line(anchors.case(entry.id), "toc-case", [
      h("span.toc-number", String(entry.number)),
      h("span.toc-title", { lang: version.lang !== ctx.lang ? HTML_LANG[version.lang] : undefined }, version.title),
    ]);
  };
  const items: Element[] = [...front.map(matter)];
  parts.forEach((part, index) => {
    if (!part.key) {
      items.push(...part.cases.map(caseLine));
      return;
    }
    const label = `${ctx.t("print.part", { number: partNumeral(index + 1, ctx.lang) })} · ${part.title}`;
    items.push(line(anchors.part(part.key), "toc-part", [{ type: "text", value: label }]));
    items.push(h("li.toc-part-cases", [h("ol", part.cases.map(caseLine))]));
  });
  items.push(...back.map(matter));
  // The contents always start on page 3, a right-hand page, after the cover and the imprint.
  return [
    h("nav.chapter.contents", { id: anchors.contents, ariaLabelledby: `${anchors.contents}-title`, style: `page: ${anchors.contents}` }, [
      h("h1", { id: `${anchors.contents}-title` }, ctx.t("print.contents")),
      h("ol.toc", items),
    ]),
  ];
}

/** The title page of a part: its number, its name and what the term means. */
export function partPage(part: BookPart, index: number, ctx: PrintContext): ElementContent[] {
  const anchor = anchors.part(part.key);
  return [
    versoFiller(anchor),
    h("section.chapter.part-page", { id: anchor, style: "page: part" }, [
      h("p.part-number", ctx.t("print.part", { number: partNumeral(index + 1, ctx.lang) })),
      h("h1.part-title", { dataOutline: `${ctx.t("print.part", { number: partNumeral(index + 1, ctx.lang) })} · ${part.title}` }, part.title),
      part.description ? h("p.part-description", part.description) : null,
      h("p.part-count", ctx.t("terms.cases", { count: part.cases.length })),
    ]),
  ];
}
