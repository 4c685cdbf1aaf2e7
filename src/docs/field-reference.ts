import { caseJsonSchema } from "../../schema/json-schema.js";
import { createCaseSchemas } from "../../schema/case.js";
import type { Vocabularies } from "../../schema/vocabularies.js";
import { cell, table, type DocLanguage } from "./doc-language.js";
import { FIELD_NOTES } from "./field-notes.js";
import { describeValue, type JsonSchema } from "./value-description.js";

interface FieldRow {
  path: string;
  required: boolean;
  schema: JsonSchema;
  /** The top-level field the row belongs to. */
  top: string;
}

const WORDS = {
  en: {
    head: ["Field", "Required", "Value", "In a translation", "What it is"],
    translationHead: ["Field", "Required", "Value", "What it is"],
    yes: "yes",
    no: "no",
    own: "its own",
    inherited: "inherited: leave out",
  },
  zh: {
    head: ["字段", "必填", "取值", "译文中", "含义"],
    translationHead: ["字段", "必填", "取值", "含义"],
    yes: "是",
    no: "否",
    own: "自有",
    inherited: "继承原文：不填",
  },
};

/** Every field and nested field of an object schema, parents first, in the schema's order. */
function rows(schema: JsonSchema, prefix = "", top?: string): FieldRow[] {
  const out: FieldRow[] = [];
  for (const [key, field] of Object.entries(schema.properties ?? {})) {
    const path = prefix + key;
    const required = schema.required?.includes(key) ?? false;
    out.push({ path, required, schema: field, top: top ?? key });
    if (field.type === "object") out.push(...rows(field, `${path}.`, top ?? key));
    if (field.type === "array" && field.items?.type === "object") out.push(...rows(field.items, `${path}[].`, top ?? key));
  }
  return out;
}

function note(path: string, lang: DocLanguage): string {
  const text = FIELD_NOTES[path]?.[lang];
  if (text === undefined) throw new Error(`The field \`${path}\` has no ${lang} note: add one to src/docs/field-notes.ts.`);
  return text;
}

/** The field reference of an original: every field with its rule (from the schema) and its note. */
export function fieldTable(vocabularies: Vocabularies, lang: DocLanguage): string {
  const [original] = jsonSchemas(vocabularies);
  const { neutralKeys } = createCaseSchemas(vocabularies);
  const w = WORDS[lang];
  return table(
    w.head,
    rows(original).map((r) => [
      `\`${r.path}\``,
      r.required ? w.yes : w.no,
      cell(describeValue(r.schema, lang, vocabularies)),
      neutralKeys.includes(r.top) ? w.inherited : w.own,
      cell(note(r.path, lang)),
    ]),
  );
}

/** The fields only a translation has. */
export function translationFieldTable(vocabularies: Vocabularies, lang: DocLanguage): string {
  const [original, translation] = jsonSchemas(vocabularies);
  const w = WORDS[lang];
  const own = Object.keys(original.properties ?? {});
  return table(
    w.translationHead,
    rows(translation)
      .filter((r) => !own.includes(r.top))
      .map((r) => [`\`${r.path}\``, r.required ? w.yes : w.no, cell(describeValue(r.schema, lang, vocabularies)), cell(note(r.path, lang))]),
  );
}

/** Every field path of the schema, for the test that every field has a note. */
export function fieldPaths(vocabularies: Vocabularies): string[] {
  return jsonSchemas(vocabularies).flatMap((s) => rows(s).map((r) => r.path));
}

function jsonSchemas(vocabularies: Vocabularies): [JsonSchema, JsonSchema] {
  const [original, translation] = (caseJsonSchema(vocabularies) as { oneOf: JsonSchema[] }).oneOf;
  return [original!, translation!];
}
