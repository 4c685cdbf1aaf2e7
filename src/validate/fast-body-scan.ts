import type { BodyReferences } from "./body-references.js";

/** Whether text may hold a raw `<a>` or `<img>`: the only raw HTML whose URLs are checked (and kept). */
export function mayHoldRawUrls(text: string): boolean {
  return /<(?:a|img)\b/i.test(text);
}

/**
 * A quick reading of a case body that finds its `case:` links, images and headings without
 * parsing the Markdown, or gives up (undefined) wherever Markdown could read the text otherwise:
 * raw HTML blocks and any raw `<a>` or `<img>`, setext headings, indented code, reference-style images, escapes and entities
 * inside the parts it extracts. Whatever it returns carries no positions, so it is only used to
 * prove that a file has no body problem; a file with any finding is parsed properly.
 */
export function fastBodyScan(body: string): BodyReferences | undefined {
  // Raw `<a>` and `<img>` anywhere (inline too) carry paths that only a full parse reads.
  if (mayHoldRawUrls(body)) return undefined;
  const lines = body.split("\n");
  const headings: BodyReferences["headings"] = [];
  let fence: string | undefined;
  let previousBlank = true;
  for (const line of lines) {
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      continue;
    }
    if (/^ {0,3}</.test(line)) return undefined; // a raw HTML block can swallow what follows
    if (/^(?: {4}|\t)\s*#/.test(line)) return undefined; // indented code that looks like a heading
    if (!previousBlank && /^ {0,3}(?:=+|-+)\s*$/.test(line)) return undefined; // a setext heading
    const heading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (heading) {
      const text = (heading[2] ?? "").trim();
      if (/[*_`[\]<>&\\]/.test(text)) return undefined;
      headings.push({ url: "", depth: heading[1]!.length, text, start: 0, end: 0 });
    }
    previousBlank = line.trim() === "";
  }
  if (fence) return undefined;

  const images: BodyReferences["images"] = [];
  const inlineImage = /!\[([^\]\[]*)\]\(\s*([^\s()<>]+)(?:\s+"[^"]*")?\s*\)/g;
  for (const match of body.matchAll(inlineImage)) {
    const [, alt = "", url = ""] = match;
    if (/[*_`\\&<>]/.test(alt) || /[&\\]/.test(url)) return undefined;
    images.push({ url, alt, start: 0, end: 0 });
  }
  if (images.length !== count(body, "![")) return undefined;

  const links: BodyReferences["links"] = [];
  const caseTargets = /\]\(\s*(case:[^\s()<>]*)(?:\s+"[^"]*")?\s*\)|^ {0,3}\[[^\]]+\]:\s*(case:\S+)/gm;
  for (const match of body.matchAll(caseTargets)) {
    const url = match[1] ?? match[2] ?? "";
    if (/[&\\]/.test(url)) return undefined;
    links.push({ url, start: 0, end: 0 });
  }
  if (links.length !== count(body, "case:")) return undefined;
  return { links, images, headings, approximate: true };
}

function count(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}
