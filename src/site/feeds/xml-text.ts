/**
 * Characters XML 1.0 does not allow at all, even as character references: C0 controls other than
 * tab, LF and CR; U+FFFE and U+FFFF; and UTF-16 surrogates that are not part of a pair.
 */
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripXmlIllegal(text: string): string {
  return text.replace(ILLEGAL, "");
}

const TEXT_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  // A parser turns a raw CR into LF: keep it as a reference so the text survives a round trip.
  "\r": "&#xD;",
};
// In attributes a parser also turns raw tabs and newlines into spaces.
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, "\n": "&#xA;", "\t": "&#x9;" };

/** Character data for an element: every markup character escaped (so `]]>` cannot occur either). */
export function xmlText(text: string): string {
  return stripXmlIllegal(text).replace(/[&<>"'\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

/** An attribute value, for use inside double quotes. */
export function xmlAttr(text: string): string {
  return stripXmlIllegal(text).replace(/[&<>"'\r\n\t]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

/** `<name attr="…">text</name>`, or a self-closing element when `text` is undefined. */
export function xmlElement(name: string, attributes: Record<string, string | undefined>, text?: string): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${xmlAttr(value)}"`)
    .join("");
  return text === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${xmlText(text)}</${name}>`;
}
