import { countries } from "../../schema/countries.js";
import type { Document, Node } from "yaml";
import type { z } from "zod";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { isRuleId, type RuleId } from "../diagnostics/rules.js";
import type { SourceText } from "../load/source-text.js";
import { closest, likelyTypo } from "./closest.js";
import { describeExpected, describeValue, quote } from "./describe-value.js";
import { knownKeysAt } from "./schema-keys.js";
import { keyNodeAt, nodeRange, parentAnchor, valueNodeAt, type PathKey } from "./yaml-node-at.js";

export interface SchemaContext {
  doc: Document;
  yamlOffset: number;
  source: SourceText;
  display: string;
  schema: z.ZodType;
}

/** What a vocabulary-backed field is called in messages. */
const TERM_NAMES: Record<string, string> = {
  models: "model type",
  sectors: "sector",
  metric: "outcome metric",
  kind: "partner kind",
  direction: "direction",
  status: "status",
};

type Issue = z.core.$ZodIssue;

export function schemaDiagnostics(issues: readonly Issue[], ctx: SchemaContext): Diagnostic[] {
  const diagnostics = issues.flatMap((issue) => toDiagnostics(issue, ctx));
  // A misspelt key already says "did you mean `models`?": do not also report `models` as missing.
  const explained = new Set(
    diagnostics.filter((d) => d.ruleId === "frontmatter-unknown-key" && d.expected?.length).map((d) => d.expected![0]),
  );
  return diagnostics.filter((d) => !(d.ruleId === "frontmatter-required" && explained.has(d.actual)));
}

function toDiagnostics(issue: Issue, ctx: SchemaContext): Diagnostic[] {
  const path = issue.path as PathKey[];
  const field = fieldName(path);
  const make = (ruleId: RuleId, reason: string, node: Node | undefined, extra: { hint?: string; expected?: string[] } = {}) =>
    createDiagnostic({ ruleId, reason, file: ctx.display, place: placeOf(node, ctx), ...extra });
  const value = valueNodeAt(ctx.doc, path);

  if ((issue.code === "invalid_type" || issue.code === "invalid_value") && issue.input === undefined && value === undefined) {
    const expected = issue.code === "invalid_type" ? describeExpected(issue.expected) : `one of ${issue.values.slice(0, 8).map(String).join(", ")}`;
    const missing = make("frontmatter-required", `\`${field}\` is required (${expected}).`, parentAnchor(ctx.doc, path), { hint: `Add \`${field}:\` here.` });
    missing.actual = field;
    return [missing];
  }

  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeysAt(ctx.schema, path);
      return issue.keys.map((key) => {
        const guess = likelyTypo(key, known);
        return make("frontmatter-unknown-key", `\`${key}\` is not a field ${path.length ? `of \`${field}\`` : "of a case"}.`, keyNodeAt(ctx.doc, path, key), {
          hint: guess ? `Did you mean \`${guess}\`?` : `Valid fields here: ${known.join(", ")}.`,
          ...(guess ? { expected: [guess] } : {}),
        });
      });
    }
    case "invalid_type": {
      const hint =
        typeof issue.input === "boolean" && issue.expected === "string"
          ? `Put the value in quotes to keep it as text: "${value && "source" in value ? String(value.source) : String(issue.input)}".`
          : issue.expected === "array" && !Array.isArray(issue.input)
            ? `Write a list, for example \`${field}: [${typeof issue.input === "string" ? issue.input : "…"}]\`.`
            : undefined;
      return [
        make("frontmatter-type", `\`${field}\` should be ${describeExpected(issue.expected)}, not ${describeValue(issue.input)}.`, value, hint ? { hint } : {}),
      ];
    }
    case "invalid_value":
      return [invalidValue(issue, field, value, make)];
    case "too_small":
    case "too_big":
      return [sizeDiagnostic(issue, field, value, make)];
    case "invalid_format": {
      const expected =
        issue.format === "date"
          ? "a date written YYYY-MM-DD"
          : issue.format === "url"
            ? "a web address starting with https://"
            : issue.format === "regex"
              ? "the expected pattern"
              : issue.format;
      const reason =
        issue.format === "regex" && issue.message
          ? `\`${field}\`: ${describeValue(issue.input)} is not valid. ${issue.message}`
          : `\`${field}\` should be ${expected}, not ${describeValue(issue.input)}.`;
      return [make("frontmatter-format", reason, value)];
    }
    case "custom": {
      const ruleId = String(issue.params?.["ruleId"] ?? "");
      return [make(isRuleId(ruleId) ? ruleId : "frontmatter-type", issue.message, value ?? parentAnchor(ctx.doc, path))];
    }
    default:
      return [make("frontmatter-type", `\`${field}\`: ${issue.message}`, value)];
  }
}

type Make = (ruleId: RuleId, reason: string, node: Node | undefined, extra?: { hint?: string; expected?: string[] }) => Diagnostic;

function invalidValue(issue: z.core.$ZodIssueInvalidValue, field: string, value: Node | undefined, make: Make): Diagnostic {
  const options = issue.values.map(String);
  const input = typeof issue.input === "string" ? issue.input : String(issue.input);
  const shown = capitalize(describeValue(issue.input));
  if (field === "countries" || field === "country") {
    const upper = input.toUpperCase();
    const byName = countries.getAlpha2Code(input, "en") ?? countries.getAlpha2Code(input, "zh") ?? countries.getAlpha2Code(input, "fr") ?? countries.getAlpha2Code(input, "ru");
    const guess = options.includes(upper) ? upper : byName;
    return make("country-code", `${shown} is not an ISO 3166-1 alpha-2 country code.`, value, {
      hint: guess ? `Did you mean \`${guess}\` (${countries.getName(guess, "en")})?` : "Use a two-letter code in capitals, e.g. CN, TH, GB.",
      ...(guess ? { expected: [guess] } : {}),
    });
  }
  if (field === "license") {
    const near = closest(input, options, 3);
    return make("license-spdx", `${shown} is not an SPDX license identifier.`, value, {
      hint: `Closest identifiers: ${near.join(", ")}.`,
      expected: near,
    });
  }
  const termName = TERM_NAMES[field];
  const near = closest(input, options, 3);
  if (termName) {
    return make("vocabulary-unknown-term", `${shown} is not a known ${termName}.`, value, {
      hint: `Closest terms: ${near.join(", ")}. All terms are in schema/vocabularies/.`,
      expected: near,
    });
  }
  return make("frontmatter-enum", `\`${field}\` should be one of ${options.map((o) => quote(o)).join(", ")}, not ${shown}.`, value, { expected: near });
}

function sizeDiagnostic(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, field: string, value: Node | undefined, make: Make): Diagnostic {
  const small = issue.code === "too_small";
  const limit = small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum;
  const input = issue.input;
  switch (issue.origin) {
    case "string": {
      const length = typeof input === "string" ? input.trim().length : 0;
      return make(
        "frontmatter-length",
        `\`${field}\` is ${length} characters long; it must be ${small ? "at least" : "at most"} ${limit}.`,
        value,
        { hint: small ? `Write at least ${limit} characters.` : `Shorten it to ${limit} characters or fewer.` },
      );
    }
    case "array": {
      const count = Array.isArray(input) ? input.length : 0;
      return make(
        "frontmatter-list-size",
        `\`${field}\` has ${count} item${count === 1 ? "" : "s"}; it needs ${small ? "at least" : "at most"} ${limit}.`,
        value,
        { hint: small ? `Add ${small && Number(limit) === 1 ? "at least one item" : `items until there are ${limit}`}.` : `Keep at most ${limit} items.` },
      );
    }
    default:
      return make("frontmatter-range", `\`${field}\` is ${String(input)}; it must be ${small ? "at least" : "at most"} ${String(limit)}.`, value);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fieldName(path: readonly PathKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === "string") return String(path[i]);
  return "frontmatter";
}

function placeOf(node: Node | undefined, ctx: SchemaContext) {
  const range = nodeRange(node);
  // A field missing at the top level points at the opening `---`.
  if (!range) return ctx.source.range(0, 3);
  return ctx.source.range(ctx.yamlOffset + range[0], ctx.yamlOffset + range[1]);
}
