import type { Element, Root as HastRoot, RootContent } from "hast";
import { toHtml } from "hast-util-to-html";
import type { Root as MdastRoot } from "mdast";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { VFile } from "vfile";
import { LABELS } from "./localized-labels.js";
import { parseMarkdown } from "./parse-markdown.js";
import { rehypeAssetUrls } from "./rehype-asset-urls.js";
import { rehypeFigures } from "./rehype-figures.js";
import { rehypeHeadingIds } from "./rehype-heading-ids.js";
import { rehypeRawHtml } from "./rehype-raw-html.js";
import { rehypeTableAlign } from "./rehype-table-align.js";
import { rehypeTableWrappers } from "./rehype-table-wrappers.js";
import { remarkCaseLinks } from "./remark-case-links.js";
import type { HeadingEntry, Lang, RenderOptions } from "./render-context.js";
import { sanitizeSchema } from "./sanitize-schema.js";
import { walkElements } from "./walk-tree.js";

export type { CaseLinkTarget, HeadingEntry, Lang, RenderOptions } from "./render-context.js";

export interface RenderResult {
  /** A fresh tree: web and print each take their own copy (`structuredClone`). */
  hast: HastRoot;
  /** h2–h4 in document order, with the ids they carry in `hast`. */
  headings: HeadingEntry[];
}

/**
 * The shared Markdown stage, one frozen processor per language (the chain is the same; only the
 * footnote labels differ, and remark-rehype takes them when the processor is built).
 *
 * Raw HTML in a case is reduced to the allowlist, not passed through and not dropped whole:
 * remark-rehype keeps it as `raw` nodes, rehype-raw (see `rehype-raw-html.ts`) parses it with a
 * real HTML parser (so entity tricks and unclosed tags are seen as a browser would see them), and
 * rehype-sanitize, last of all, keeps only what `sanitize-schema.ts` allows. An editor's `<sup>`
 * or `<br>` survives; a `<script>` or an `onerror` never does.
 */
function createProcessor(lang: Lang) {
  const labels = LABELS[lang];
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkCaseLinks)
    .use(remarkRehype, {
      allowDangerousHtml: true,
      clobberPrefix: "",
      footnoteLabel: labels.footnotes,
      footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
        labels.backToReference(referenceIndex + 1, rereferenceIndex),
    })
    .use(rehypeRawHtml)
    .use(rehypeAssetUrls)
    .use(rehypeFigures)
    .use(rehypeTableAlign)
    .use(rehypeTableWrappers)
    .use(rehypeHeadingIds)
    .use(rehypeSanitize, sanitizeSchema)
    .freeze();
}

type Processor = ReturnType<typeof createProcessor>;
const processors = new Map<Lang, Processor>();

function processorFor(lang: Lang): Processor {
  let processor = processors.get(lang);
  if (!processor) {
    processor = createProcessor(lang);
    processors.set(lang, processor);
  }
  return processor;
}

/**
 * Renders a case body (Markdown text, or the mdast that validation parsed, which is left untouched)
 * to a sanitised hast tree and its headings.
 */
export function renderMarkdown(input: string | MdastRoot, options: RenderOptions): RenderResult {
  const processor = processorFor(options.lang);
  const file = new VFile(typeof input === "string" ? { value: input } : {});
  file.data.render = options;
  // parseMarkdown is the same parser (remark-parse + remark-gfm), guarded by the complexity limits.
  const mdast = typeof input === "string" ? parseMarkdown(input) : structuredClone(input);
  const hast = processor.runSync(mdast, file);
  const ids = tidy(hast);
  // A heading inside stripped raw HTML (say `<svg><h2>`) got an id but did not survive sanitising.
  const headings = (file.data.headings ?? []).filter((heading) => ids.has(heading.id));
  return { hast, headings };
}

/**
 * What sanitising leaves behind in hostile or malformed raw HTML: `class=""` where every class
 * was refused, the empty paragraphs a browser makes of `<p><div></div></p>`, and runs of blank
 * lines where whole blocks were stripped. Returns the ids.
 */
function tidy(hast: HastRoot): Set<string> {
  const ids = new Set<string>();
  walkElements(hast, (node: Element, index, parent) => {
    const { className, id } = node.properties;
    if (Array.isArray(className) && className.length === 0) delete node.properties.className;
    if (typeof id === "string") ids.add(id);
    const empty = node.children.every(isBlank);
    if (node.tagName === "p" && empty) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  hast.children = hast.children.filter((child, index, all) => !(isBlank(child) && isBlank(all[index - 1])));
  for (const child of hast.children) if (child.type === "text" && isBlank(child)) child.value = "\n";
  return ids;
}

/** Serialises a rendered tree (or a part of it) to HTML. */
export function hastToHtml(hast: HastRoot | Element): string {
  return toHtml(hast);
}

function isBlank(node: RootContent | undefined): boolean {
  return node?.type === "text" && !node.value.trim();
}
