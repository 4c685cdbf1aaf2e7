import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { isScalar, parse, parseDocument, visit } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { loadVocabularies } from "../schema/vocabularies.js";
import { isRuleId } from "../src/diagnostics/rules.js";
import { loadCasebook, loadFile } from "../src/load/load-casebook.js";
import { svgProblem } from "../src/load/inspect-asset.js";
import { PACKAGE_ROOT } from "../src/paths/package-root.js";
import { validateCasebook } from "../src/validate/validate-casebook.js";
import { CLEAN_EN } from "./fixtures/hostile/scratch-casebook.js";
import { removeProjects } from "./helpers/remove-projects.js";

/**
 * Issue 5, fuzzing the loader and the validator: for arbitrary bytes and arbitrary YAML they never
 * throw, and every file ends with diagnostics or with data; the SVG inspection never accepts what a
 * real XML parser reads as script, handler or link.
 */
const dir = mkdtempSync(join(tmpdir(), "casebook-fuzz-loader-"));
const folder = join(dir, "cases", "fuzz-case");
mkdirSync(folder, { recursive: true });
const path = join(folder, "en.md");
const ref = { id: "fuzz-case", lang: "en" as const, path, display: "cases/fuzz-case/en.md", folder };
const vocabularies = loadVocabularies(join(PACKAGE_ROOT, "schema", "vocabularies"));
afterAll(() => removeProjects([dir]));

function loadAndValidate(bytes: Uint8Array | string): void {
  writeFileSync(path, bytes);
  const { file, diagnostics } = loadFile(ref);
  // Either the loader said what is wrong, or it read frontmatter and a body.
  expect(diagnostics.length > 0 || (file.frontmatter?.data !== undefined && file.body !== undefined)).toBe(true);
  const validated = validateCasebook(loadCasebook(join(dir, "cases"), dir), { vocabularies, currentYear: 2026 });
  const all = validated.diagnostics;
  if (file.frontmatter?.data === undefined) expect(all.some((d) => d.fatal)).toBe(true);
  for (const d of all) {
    expect(isRuleId(d.ruleId)).toBe(true);
    expect(d.line ?? 1).toBeGreaterThanOrEqual(1);
    expect(d.reason.length).toBeGreaterThan(0);
  }
}

/** YAML values of any shape, written as JSON (which is YAML) or as block YAML with hostile scalars. */
const scalar = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("yes", "no", "~", "*a", "&a x", "!!js/function 'x'", "!!binary AAAA", "<script>", "2025-13-45", "0x1F", ".inf", "<<: *a"),
);
const { value: yamlValue } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(fc.constantFrom("title", "summary", "countries", "partners", "period", "outcomes", "authors", "cover", "__proto__", "constructor", "<<"), fc.string({ maxLength: 8 })), tie("value"), { maxKeys: 5 }),
}));

describe("the loader and the validator, fuzzed", () => {
  it("never throw on arbitrary bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), loadAndValidate), { numRuns: 200 });
  });

  it("never throw on arbitrary frontmatter values, in JSON or block YAML, with any body", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 10 }), yamlValue, { maxKeys: 8 }), fc.string({ maxLength: 200 }), (data, body) => {
        loadAndValidate(`---\n${JSON.stringify(data)}\n---\n${body}`);
        loadAndValidate(`---\n${Object.entries(data).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join("\n")}\n---\n${body}`);
      }),
      { numRuns: 200 },
    );
  });

  it("never throw when a valid case is cut, spliced or has bytes flipped", () => {
    const bytes = Buffer.from(CLEAN_EN);
    fc.assert(
      fc.property(fc.nat(bytes.length), fc.nat(bytes.length), fc.uint8Array({ maxLength: 8 }), (at, to, insert) => {
        const [a, b] = at < to ? [at, to] : [to, at];
        loadAndValidate(Buffer.concat([bytes.subarray(0, a), insert, bytes.subarray(b)]));
      }),
      { numRuns: 200 },
    );
  });
});

/** Words that YAML 1.1 readers take as booleans when they are a whole plain scalar, and near misses. */
const BOOLEAN_WORDS = ["on", "On", "OFF", "yes", "No", "y", "n", "carry on", "on-site", "add-on", "one", "noon", "go on and on", "yes no"];
/** Places a word can sit in frontmatter: values, items, flow items, keys, continuation lines, comments. */
const PLACES: ((word: string, key: string) => string)[] = [
  (w, k) => `${k}: ${w}`,
  (w, k) => `${k}: ${w} # note`,
  (w, k) => `${k}: text before ${w}`,
  (w, k) => `${k}: [A, ${w}]`,
  (w, k) => `${k}: [${w},B]`,
  (w, k) => `${k}: {a: ${w}}`,
  (w, k) => `${k}:\n  - ${w}`,
  (w, k) => `${k}:\n  ${w}`,
  (w, k) => `${k}: a folded line that ends with\n  ${w}`,
  (w, k) => `${k}: a folded line that ends with ${w}\n  and goes on`,
  (w, k) => `${k}: >\n  ${w}`,
  (w, k) => `${k}:\n  ${w}: 1`,
  (w) => `${w}: x`,
];

describe("the fast paths of the YAML readers", () => {
  it("read the vocabularies as the positioned parser does", () => {
    const dir = join(PACKAGE_ROOT, "schema", "vocabularies");
    const read = Object.values(vocabularies);
    const files = readdirSync(dir).filter((name) => name.endsWith(".yaml"));
    expect(files).toHaveLength(read.length);
    const byFile = files.map((name) => parse(readFileSync(join(dir, name), "utf8")) as unknown);
    for (const terms of read) expect(byFile).toContainEqual(terms);
  });

  // The frontmatter's fast path (js-yaml, no positions) is taken only when nothing in the text needs the positioned
  // parser; this holds it to the positioned parser's reading, and to its ambiguous-boolean warning.
  it("reads what the positioned parser reads, and lets no YAML 1.1 boolean through unwarned", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(PLACES.length - 1), fc.constantFrom(...BOOLEAN_WORDS)), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (entries, crlf) => {
          const yaml = entries.map(([place, word], i) => PLACES[place]!(word, `k${i}`)).join("\n");
          const doc = parseDocument(yaml, { uniqueKeys: true });
          fc.pre(doc.errors.length === 0);
          let booleans = 0;
          visit(doc, {
            Scalar(_key, node) {
              if (isScalar(node) && node.type === "PLAIN" && /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/.test(String(node.source))) booleans += 1;
            },
          });
          const text = `---\n${yaml}\n---\n\nBody.\n`;
          writeFileSync(path, crlf ? text.replace(/\n/g, "\r\n") : text);
          const { file, diagnostics } = loadFile(ref);
          expect(diagnostics.filter((d) => d.ruleId === "frontmatter-ambiguous-boolean")).toHaveLength(booleans);
          expect(file.frontmatter?.data).toEqual(doc.toJS());
        },
      ),
      { numRuns: 400 },
    );
  });
});

/** What a browser's XML parser sees in an SVG: every element, attribute and whether it parsed. */
function xmlView(text: string): { ok: boolean; elements: string[]; attributes: [string, string][] } {
  const parser = new SaxesParser({ xmlns: true });
  const elements: string[] = [];
  const attributes: [string, string][] = [];
  let ok = true;
  parser.on("error", () => {
    ok = false;
  });
  parser.on("opentag", (tag) => {
    elements.push(`${tag.uri} ${tag.local}`);
    for (const a of Object.values(tag.attributes)) attributes.push([a.local, a.value]);
  });
  try {
    parser.write(text).close();
  } catch {
    ok = false;
  }
  return { ok, elements, attributes };
}

const SVG_PARTS = [
  '<svg xmlns="http://www.w3.org/2000/svg">', "</svg>", "<g>", "</g>", "<rect/>", '<rect fill="url(#a)"/>', "<script>", "</script>", "alert(1)",
  '<a href="javascript:alert(1)">', "</a>", '<use href="#a"/>', '<use href="x.svg#a"/>', ' onload="x"', "<![CDATA[", "]]>", "<!--", "-->",
  "<style>", "</style>", "rect{fill:red}", "@import 'x.css';", "&#106;", "&lt;", '<h:script xmlns:h="http://www.w3.org/1999/xhtml">', "</h:script>",
  "<foreignObject>", "</foreignObject>", '<?xml version="1.0"?>', '<?xml-stylesheet href="x"?>', '<!DOCTYPE svg [<!ENTITY e "x">]>', "&e;", "<text>", "</text>", " ", "\n",
];

describe("the SVG inspection, fuzzed against a real XML parser", () => {
  it("accepts nothing that parses into a script, foreign HTML, a handler or a link to another document", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SVG_PARTS), { maxLength: 14 }), (parts) => {
        const text = parts.join("");
        if (svgProblem(text) !== undefined) return;
        const view = xmlView(text);
        if (!view.ok) return; // a browser shows an XML error page: nothing runs
        for (const element of view.elements) {
          expect(element.startsWith("http://www.w3.org/2000/svg "), `${element} in ${text}`).toBe(true);
          expect(element, text).not.toMatch(/ (script|foreignObject|a|iframe|set|animate\w*)$/);
        }
        for (const [name, value] of view.attributes) {
          expect(name, text).not.toMatch(/^on/i);
          if (name === "href") expect(value.startsWith("#"), text).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
