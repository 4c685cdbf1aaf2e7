import jsYaml from "js-yaml";
import { Document, isMap, parseDocument, visit } from "yaml";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { RuleId } from "../diagnostics/rules.js";
import type { SourceText } from "./source-text.js";
import type { SplitFile } from "./split-frontmatter.js";

export interface ParsedFrontmatter {
  /**
   * The YAML document, whose node ranges are offsets inside the YAML text; add `yamlOffset` for the
   * file. Parsed on first use when the fast path read the data.
   */
  readonly doc: Document;
  yamlOffset: number;
  /** The plain data, or undefined when the YAML is too broken to read. */
  data?: Record<string, unknown>;
}

/**
 * Anything in the YAML text that the fast path must not judge: tabs, anchors, aliases, tags,
 * merge keys, directives, document markers, YAML 1.1 booleans (yes/no/on/off/y/n), numbers with
 * underscores, and sexagesimal-looking values. The full `yaml` parser handles those.
 *
 * A YAML 1.1 boolean is a whole plain scalar, so the word is looked for only where a scalar can
 * start (a line's start, or after `:`, `?`, `-`, `,`, `[` or `{`) and end (the line's end, or `,`,
 * `]`, `}`, `#` or a key's `:`): a summary whose folded line ends in "… on" is prose, and reading
 * it with the positioned parser cost about 4 ms a file (test/fuzz-loader.test.ts holds the guard to
 * never letting a boolean through).
 */
const NEEDS_FULL_PARSE = /\t|[&*!%]|<<|^(?:---|\.\.\.)|(?:^[^\S\n]*|[:?,[{-][^\S\n]*)(?:y|n|yes|no|on|off)[^\S\n]*(?:$|[,\]}#:])|\d_\d|\d:\d/im;

/**
 * Fast path: js-yaml with its CORE schema (YAML 1.2 core types, like `yaml`'s default) reads a clean
 * frontmatter about ten times faster than building a positioned document. Positions are only
 * needed for a diagnostic, so the positioned document is built lazily, from the same text.
 */
function fastParse(split: SplitFile): ParsedFrontmatter | undefined {
  if (NEEDS_FULL_PARSE.test(split.yaml)) return undefined;
  let data: unknown;
  try {
    data = jsYaml.load(split.yaml, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) return undefined;
  return lazyFrontmatter(split.yaml, split.yamlOffset, data as Record<string, unknown>);
}

/**
 * Frontmatter whose data is already known (read by the fast path, or kept by the build cache): the
 * positioned document is built from the same YAML text only if a diagnostic needs a position.
 */
export function lazyFrontmatter(yaml: string, yamlOffset: number, data: Record<string, unknown>): ParsedFrontmatter {
  let doc: Document | undefined;
  return {
    get doc() {
      doc ??= parseDocument(yaml, { prettyErrors: false, uniqueKeys: true, strict: true });
      return doc;
    },
    yamlOffset,
    data,
  };
}

const YAML_CODES: Record<string, RuleId> = {
  DUPLICATE_KEY: "frontmatter-duplicate-key",
  TAB_AS_INDENT: "frontmatter-tab",
};
/** Plain scalars that YAML 1.1 readers (GitHub's preview, js-yaml, PyYAML) take as booleans. */
const YAML11_BOOLEANS = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
/** Deeper frontmatter is never legitimate and is refused before it is turned into data. */
export const MAX_FRONTMATTER_DEPTH = 8;

/**
 * Larger frontmatter is refused before it is parsed: a real one is a few kilobytes, and `yaml`'s
 * duplicate-key check is quadratic (100,000 keys would take minutes, and print 100,000 messages).
 */
export const MAX_FRONTMATTER_BYTES = 64 * 1024;
/** Flow collections (`[[[…`) nested deeper than this are refused before the recursive parsers see them. */
const MAX_FLOW_NESTING = 64;

/** A limit the YAML text exceeds, checked in one pass before any parser runs. */
function frontmatterLimitProblem(yaml: string): { ruleId: RuleId; reason: string; offset: number } | undefined {
  if (yaml.length > MAX_FRONTMATTER_BYTES)
    return { ruleId: "file-too-large", reason: `The frontmatter is ${Math.ceil(yaml.length / 1024)} KB; it may be at most ${MAX_FRONTMATTER_BYTES / 1024} KB.`, offset: 0 };
  // Brackets inside quoted text are counted too: an over-estimate that no real value reaches.
  let depth = 0;
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml[i];
    if (c === "[" || c === "{") depth++;
    else if ((c === "]" || c === "}") && depth > 0) depth--;
    if (depth > MAX_FLOW_NESTING) return { ruleId: "frontmatter-syntax", reason: `The frontmatter is nested more than ${MAX_FRONTMATTER_DEPTH} levels deep.`, offset: i };
  }
  return undefined;
}

export function parseFrontmatter(
  split: SplitFile,
  source: SourceText,
  display: string,
): { frontmatter: ParsedFrontmatter; diagnostics: Diagnostic[] } {
  const limit = frontmatterLimitProblem(split.yaml);
  if (limit) {
    const place = source.range(split.yamlOffset + limit.offset, split.yamlOffset + limit.offset + 1);
    return {
      frontmatter: { doc: new Document(), yamlOffset: split.yamlOffset },
      diagnostics: [createDiagnostic({ ruleId: limit.ruleId, reason: limit.reason, file: display, place })],
    };
  }
  const fast = fastParse(split);
  if (fast) return { frontmatter: fast, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const at = (start: number, end: number) => source.range(split.yamlOffset + start, split.yamlOffset + end);
  const report = (ruleId: RuleId, reason: string, start: number, end: number, hint?: string) =>
    diagnostics.push(createDiagnostic({ ruleId, reason, file: display, place: at(start, end), ...(hint ? { hint } : {}) }));

  // Tabs first: YAML forbids them in indentation, and its own message about them is cryptic.
  const tabLines = new Set<number>();
  for (const match of split.yaml.matchAll(/^[ ]*\t/gm)) {
    const tab = match.index + match[0].length - 1;
    tabLines.add(source.point(split.yamlOffset + tab).line);
    report("frontmatter-tab", "A tab is used for indentation.", tab, tab + 1);
  }

  const doc = parseDocument(split.yaml, { prettyErrors: false, uniqueKeys: true, strict: true });
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const [start, end] = problem.pos;
    const ruleId = YAML_CODES[problem.code] ?? "frontmatter-syntax";
    if (ruleId === "frontmatter-tab" && tabLines.has(source.point(split.yamlOffset + start).line)) continue;
    report(ruleId, yamlReason(problem.code, problem.message), start, Math.max(end, start + 1));
  }
  const frontmatter: ParsedFrontmatter = { doc, yamlOffset: split.yamlOffset };
  if (diagnostics.length > 0) return { frontmatter, diagnostics };

  if (doc.contents === null) {
    report("frontmatter-empty", "The frontmatter is empty.", 0, 0);
    return { frontmatter, diagnostics };
  }
  if (!isMap(doc.contents)) {
    const [start, end] = doc.contents.range ?? [0, 0];
    report("frontmatter-not-mapping", "The frontmatter must be a set of `key: value` fields.", start, end);
    return { frontmatter, diagnostics };
  }

  let tooDeep = false;
  visit(doc, {
    Alias(_key, node) {
      const [start, end] = node.range ?? [0, 0];
      report("frontmatter-alias", `The YAML alias \`*${node.source}\` is not allowed in case frontmatter.`, start, end);
    },
    Node(_key, node, path) {
      if (!tooDeep && path.length > MAX_FRONTMATTER_DEPTH * 2 + 1) {
        tooDeep = true;
        const [start, end] = node.range ?? [0, 0];
        report("frontmatter-syntax", `The frontmatter is nested more than ${MAX_FRONTMATTER_DEPTH} levels deep.`, start, end);
        return visit.BREAK;
      }
      return undefined;
    },
    Scalar(_key, node) {
      if (node.type === "PLAIN" && typeof node.source === "string" && YAML11_BOOLEANS.test(node.source)) {
        const [start, end] = node.range ?? [0, 0];
        report(
          "frontmatter-ambiguous-boolean",
          `\`${node.source}\` is read as the text "${node.source}" here, but as true/false by many other YAML tools.`,
          start,
          end,
          `Put it in quotes ("${node.source}") so every tool reads the same value.`,
        );
      }
    },
  });
  if (diagnostics.some((d) => d.fatal)) return { frontmatter, diagnostics };
  frontmatter.data = doc.toJS({ maxAliasCount: 0 }) as Record<string, unknown>;
  return { frontmatter, diagnostics };
}

function yamlReason(code: string, message: string): string {
  switch (code) {
    case "DUPLICATE_KEY":
      return "This key appears more than once in the same block.";
    case "TAB_AS_INDENT":
      return "A tab is used for indentation.";
    default: {
      const first = message.split("\n")[0]?.replace(/ at line \d+, column \d+.*$/, "") ?? message;
      return `The YAML cannot be read: ${first.charAt(0).toLowerCase()}${first.slice(1).replace(/\.?$/, ".")}`;
    }
  }
}

