import type { Options as Schema } from "rehype-sanitize";

/**
 * What a rendered case may contain: an explicit allowlist, not GitHub's defaults. It runs last, on
 * everything: Markdown output, raw HTML of the author (parsed by rehype-raw) and our own plugins'
 * output, so a bug upstream cannot let anything else through.
 *
 * - Elements not listed are unwrapped (their text stays); those in `strip` go with their content:
 *   scripts, styles, embedded documents and plugins, form controls, and SVG/MathML, whose foreign
 *   parsing rules are where mutation-XSS tricks live.
 * - No event handlers, no `style`, no `class` but ours, no author `id` (ids are ours: `h-…` on
 *   h2–h4, the footnotes' `fn-…`/`fnref-…`/`footnote-label`). `clobber` is off: instead of
 *   prefixing ids we only allow these, and each has a hyphen, so none can clobber a `window` global.
 * - URLs: `href` only http, https, mailto or relative; `src` only http, https or relative (the
 *   asset plugin has already dropped every non-case image). Anything else with a scheme, `data:`,
 *   `javascript:` and `vbscript:` included, however it is cased, spaced or entity-encoded, is removed.
 * - GFM task-list checkboxes are form controls and are dropped; the item keeps its text.
 */
export const sanitizeSchema: Schema = {
  allowComments: false,
  allowDoctypes: false,
  clobber: [],
  clobberPrefix: "",
  tagNames: [
    ...["h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code"],
    ...["ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td"],
    ...["em", "strong", "del", "sup", "sub", "a", "img", "figure", "figcaption", "div", "section", "span"],
  ],
  strip: [
    ...["script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet"],
    ...["form", "input", "textarea", "select", "option", "optgroup", "button", "datalist", "output"],
    ...["svg", "math", "title", "xmp", "noembed", "noframes", "plaintext", "canvas", "audio", "video"],
  ],
  ancestors: {
    thead: ["table"],
    tbody: ["table"],
    tr: ["table"],
    th: ["table"],
    td: ["table"],
    li: ["ul", "ol"],
    figcaption: ["figure"],
  },
  protocols: {
    href: ["http", "https", "mailto"],
    src: ["http", "https"],
  },
  attributes: {
    a: [
      "href",
      "title",
      ["id", /^fnref-/],
      ["className", "case-link", "data-footnote-backref"],
      ["dataCase", /^[a-z0-9-]+$/],
      "dataFootnoteRef",
      "dataFootnoteBackref",
      ["ariaDescribedBy", "footnote-label"],
      "ariaLabel",
    ],
    img: ["src", "alt", "title", ["width", /^\d{1,5}$/], ["height", /^\d{1,5}$/]],
    h2: [["id", /^h-/, "footnote-label"], ["className", "sr-only"]],
    h3: [["id", /^h-/]],
    h4: [["id", /^h-/]],
    ol: [["start", /^-?\d{1,9}$/], ["className", "contains-task-list"]],
    ul: [["className", "contains-task-list"]],
    li: [["id", /^fn-/], ["className", "task-list-item"]],
    code: [["className", /^language-\S+$/]],
    th: [["className", "align-left", "align-center", "align-right"], ["colSpan", /^\d{1,3}$/], ["rowSpan", /^\d{1,3}$/], ["scope", "col", "row"]],
    td: [["className", "align-left", "align-center", "align-right"], ["colSpan", /^\d{1,3}$/], ["rowSpan", /^\d{1,3}$/]],
    div: [["className", "table-wrap"], ["role", "region"], ["tabIndex", 0], "ariaLabel"],
    section: [["className", "footnotes"], "dataFootnotes"],
    span: [["className", "case-link-broken"]],
  },
  required: {},
};
