import type { VFile } from "vfile";

/** The languages a case can be written in. */
export type Lang = "en" | "zh" | "fr" | "ru";

/** Where a `case:<id>` link goes for a reader of one language. */
export interface CaseLinkTarget {
  href: string;
  /** The target case's title in that language, used as the link's title when the author gave none. */
  title?: string;
}

/** What the Markdown stage needs to know about the case it renders. */
export interface RenderOptions {
  lang: Lang;
  caseId: string;
  /** The case page for `id` in `lang` (or its nearest translation); `undefined` when there is no such case. */
  resolveCaseLink: (id: string, lang: Lang) => CaseLinkTarget | undefined;
  /** The URL of a file of this case, given its path inside the case folder (`images/map.png`). Used as is. */
  resolveAsset: (relativePath: string) => string;
}

/** A heading of the case body, for tables of contents and the print outline. */
export interface HeadingEntry {
  depth: number;
  id: string;
  text: string;
}

declare module "vfile" {
  interface DataMap {
    /** Set by `renderMarkdown` for the plugins: one processor is frozen and reused, so per-case values travel on the file. */
    render: RenderOptions;
    /** Filled by `rehypeHeadingIds`. */
    headings: HeadingEntry[];
  }
}

/** The render options of this file, or the plugin's own options when it is used on its own. */
export function renderOption<K extends keyof RenderOptions>(
  file: VFile,
  key: K,
  own: Partial<RenderOptions> | undefined,
): RenderOptions[K] | undefined {
  return own?.[key] ?? file.data.render?.[key];
}
