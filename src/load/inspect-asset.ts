/**
 * What a file in a case's `images/` folder may be. Every such file is copied to the website as is and
 * served from the casebook's own origin, so a contributor's `evil.html`, `.xhtml`, `.xml` or `.js`
 * would run in readers' browsers when opened directly, and so would an SVG with a script: an SVG is
 * harmless inside `<img>` but a full document when its URL is opened. Only image types are published,
 * and an SVG only when it is plain drawing: anything that can run, link or load is refused with a
 * diagnostic (rule `asset-unsafe`), never silently cleaned.
 */

/** Image types that browsers never run as documents. */
const RASTER = new Set(["png", "jpg", "jpeg", "gif", "webp", "avif"]);
/** An SVG larger than this is not inspected but refused. */
export const MAX_SVG_BYTES = 5 * 1024 * 1024;

/** The problem with publishing a file of this name, before its content is read (undefined: fine). */
export function assetTypeProblem(name: string): string | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext && (RASTER.has(ext) || ext === "svg")) return undefined;
  return `\`${name}\` is not an image Casebook publishes (PNG, JPEG, GIF, WebP, AVIF or SVG): a file of another type could run in readers' browsers.`;
}

export function isSvgName(name: string): boolean {
  return /\.svg$/i.test(name);
}

const SVG_NS = "http://www.w3.org/2000/svg";
/** Namespaces whose elements a browser treats as inert data (drawing tools' metadata). */
const INERT_NS = new Set([
  "http://www.w3.org/1999/xlink",
  "http://www.w3.org/XML/1998/namespace",
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  "http://creativecommons.org/ns#",
  "http://purl.org/dc/elements/1.1/",
  "http://purl.org/dc/terms/",
  "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
  "http://www.inkscape.org/namespaces/inkscape",
  "http://www.serif.com/",
]);
/** SVG elements that only draw: no script, foreignObject, a, animation, iframe, use of other files. */
const SVG_ELEMENTS = new Set(
  [
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "switch", "style", "image",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath",
    "marker", "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "filter",
    "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
    "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
    "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight", "feSpecularLighting",
    "feSpotLight", "feTile", "feTurbulence",
  ].map((n) => n.toLowerCase()),
);

const NAME = "[A-Za-z_][\\w.-]*(?::[A-Za-z_][\\w.-]*)?";
const ATTRIBUTE = new RegExp(`\\s+(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "gy");
const OPEN_TAG = new RegExp(`<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`, "y");
const CLOSE_TAG = new RegExp(`</(${NAME})\\s*>`, "y");

/**
 * Why an SVG document is not plain drawing, or undefined when it is. A strict reading of the XML:
 * whatever this reader cannot follow exactly (a DOCTYPE with an internal subset, processing
 * instructions, malformed tags) is refused too, so that no trick hides between this check and the
 * browser's parser.
 */
export function svgProblem(text: string): string | undefined {
  let i = 0;
  let root = true;
  const open: { name: string; namespaces: Map<string, string> }[] = [];
  let styleText: string | undefined;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const end = lt === -1 ? text.length : lt;
    // The text between tags is only looked at inside <style> and outside the root element.
    if (styleText !== undefined) styleText += text.slice(i, end);
    else if (open.length === 0 && text.slice(i, end).trim()) return "it has text outside its <svg> element";
    if (lt === -1) break;
    i = lt;
    if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end === -1) return "a comment is not closed";
      i = end + 3;
    } else if (text.startsWith("<![CDATA[", i)) {
      const end = text.indexOf("]]>", i);
      if (end === -1) return "a CDATA section is not closed";
      if (styleText !== undefined) styleText += text.slice(i + 9, end);
      else if (open.length === 0) return "it has text outside its <svg> element";
      i = end + 3;
    } else if (text.startsWith("<?", i)) {
      const end = text.indexOf("?>", i);
      if (end === -1 || i !== (text.charCodeAt(0) === 0xfeff ? 1 : 0) || !/^<\?xml\s/.test(text.slice(i, end))) return "it has a processing instruction (such as a style sheet or XSLT)";
      i = end + 2;
    } else if (text.startsWith("<!", i)) {
      const end = text.indexOf(">", i);
      const decl = text.slice(i, end + 1);
      if (end === -1 || !/^<!DOCTYPE\s[^[<]*>$/i.test(decl) || open.length > 0) return "it has a DOCTYPE with declarations (entities can hide markup)";
      i = end + 1;
    } else if (text.startsWith("</", i)) {
      CLOSE_TAG.lastIndex = i;
      const match = CLOSE_TAG.exec(text);
      const top = open.pop();
      if (!match || !top || match[1] !== top.name) return "its tags are not properly nested";
      if (top.name.toLowerCase().endsWith("style") && styleText !== undefined) {
        const problem = cssProblem(styleText);
        if (problem) return problem;
        styleText = undefined;
      }
      i = CLOSE_TAG.lastIndex;
    } else {
      OPEN_TAG.lastIndex = i;
      const match = OPEN_TAG.exec(text);
      if (!match) return "it cannot be read as XML";
      if (styleText !== undefined) return "its <style> element holds markup";
      const [, name = "", attributeText = "", selfClosing] = match;
      const parentNs = open.at(-1)?.namespaces ?? new Map([["xml", "http://www.w3.org/XML/1998/namespace"]]);
      // An element shares its parent's namespaces unless it declares some (drawings have thousands
      // of elements and declare namespaces on the root only).
      let namespaces = parentNs;
      const attributes: [string, string][] = [];
      ATTRIBUTE.lastIndex = 0;
      for (let a = ATTRIBUTE.exec(attributeText); a; a = ATTRIBUTE.exec(attributeText)) {
        const value = decodeXml(a[2] ?? a[3] ?? "");
        const key = a[1]!;
        if (key === "xmlns" || key.startsWith("xmlns:")) {
          if (namespaces === parentNs) namespaces = new Map(parentNs);
          namespaces.set(key === "xmlns" ? "" : key.slice(6), value);
        } else attributes.push([key, value]);
      }
      for (const [prefix, uri] of namespaces) if (uri !== SVG_NS && !INERT_NS.has(uri)) return `it declares the namespace ${uri}${prefix ? ` (${prefix})` : ""}, which can embed HTML or MathML`;
      if (root && namespaces.get("") !== SVG_NS && !name.includes(":")) return "its root element is not an SVG <svg> element";
      const [prefix, local] = name.includes(":") ? [name.slice(0, name.indexOf(":")), name.slice(name.indexOf(":") + 1)] : ["", name];
      const ns = namespaces.get(prefix);
      if (ns === undefined) return `the prefix of <${name}> is not declared`;
      if (root && (ns !== SVG_NS || local !== "svg")) return "its root element is not an SVG <svg> element";
      if (ns === SVG_NS && !SVG_ELEMENTS.has(local.toLowerCase())) return `it has a <${local}> element, which can run scripts, link or load other documents`;
      for (const [key, value] of attributes) {
        const problem = attributeProblem(local, key, value);
        if (problem) return problem;
      }
      root = false;
      if (!selfClosing) {
        open.push({ name, namespaces });
        if (ns === SVG_NS && local.toLowerCase() === "style") styleText = "";
      }
      i = OPEN_TAG.lastIndex;
    }
  }
  if (root) return "it has no <svg> element";
  if (open.length > 0) return `<${open.at(-1)!.name}> is not closed`;
  return undefined;
}

function attributeProblem(element: string, key: string, value: string): string | undefined {
  const local = key.includes(":") ? key.slice(key.indexOf(":") + 1) : key;
  if (/^on/i.test(local)) return `it has an event handler (${key})`;
  if (local.toLowerCase() === "href") {
    if (value.trim().startsWith("#")) return undefined;
    if (element.toLowerCase() === "image" && /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$/.test(value)) return undefined;
    return `it links or refers to another document (${key}="${value.slice(0, 60)}")`;
  }
  return cssProblem(value, key);
}

/** What every finding of `cssProblem` contains: a backslash, `@`, `(`, `:`, or `-moz-binding`. */
const MAY_LOAD = /[\\@(:]|-moz-binding/i;

/** CSS (a style sheet, a style attribute, or any presentation attribute) that loads or runs something. */
function cssProblem(css: string, where = "<style>"): string | undefined {
  // Most values (`88.0`, `#3d6f8e`, `middle`) hold none of the characters that every finding below
  // needs: they are let through before any pattern is tried.
  if (!MAY_LOAD.test(css)) return undefined;
  // CSS escapes (`\75 rl(`) could spell any of the words below; SVG drawings have no use for them.
  if (css.includes("\\")) return `its ${where} uses backslash escapes, which can hide what it loads`;
  if (/@import|expression\s*\(|behavior\s*:|-moz-binding|javascript:/i.test(css)) return `its ${where} loads or runs something`;
  for (const match of css.matchAll(/url\s*\(\s*(['"]?)\s*([^'")\s]*)/gi)) if (!match[2]!.startsWith("#")) return `its ${where} loads another file (url(${match[2]!.slice(0, 60)}))`;
  return undefined;
}

const XML_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Attribute values as the XML parser gives them to the browser: references decoded. */
function decodeXml(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith("#x") || ref.startsWith("#X")) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16) % 0x110000);
    if (ref.startsWith("#")) return String.fromCodePoint(Number(ref.slice(1)) % 0x110000);
    return XML_ENTITIES[ref] ?? whole;
  });
}
