import { COUNTRY_CODES } from "../../schema/countries.js";
import { LANGUAGES } from "../../schema/languages.js";
import { SPDX_LICENSE_IDS } from "../../schema/licenses.js";
import type { Vocabularies, VocabularyName } from "../../schema/vocabularies.js";
import type { DocLanguage } from "./doc-language.js";
import { VOCABULARY_TITLES, vocabularyAnchor } from "./vocabulary-tables.js";

/** The part of a JSON Schema that describes a value, as `z.toJSONSchema` writes it. */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

/** Formats the schema writes as a regular expression, in words. */
const PATTERNS: Record<string, Record<DocLanguage, string>> = {
  "^[A-Z]{3}$": { en: "three capital letters (ISO 4217), e.g. `CNY`", zh: "三个大写字母（ISO 4217），如 `CNY`" },
  "^\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]$": { en: "ORCID iD `0000-0000-0000-0000` (the last may be `X`)", zh: "ORCID 标识 `0000-0000-0000-0000`（最后一位可为 `X`）" },
  "^[0-9a-f]{12,64}$": { en: "12–64 hexadecimal digits (`0`–`9`, `a`–`f`)", zh: "12–64 位十六进制数字（`0`–`9`、`a`–`f`）" },
};

const W = {
  en: {
    text: (min?: number, max?: number) => `text, ${range(min, max, "characters")}`,
    number: (min?: number, max?: number) => `number${min !== undefined || max !== undefined ? `, ${range(min, max)}` : ""}`,
    integer: (min?: number, max?: number) => `whole number${min !== undefined || max !== undefined ? `, ${range(min, max)}` : ""}`,
    date: "date `YYYY-MM-DD`",
    url: "web address (`https://…`)",
    vocabulary: (title: string, anchor: string) => `a term id from [${title}](#${anchor})`,
    country: "ISO 3166-1 alpha-2 country code in capitals, e.g. `CN`",
    license: "SPDX licence id, e.g. `CC-BY-4.0`",
    language: (ids: string) => `a language code: ${ids}`,
    oneOf: (ids: string) => `one of ${ids}`,
    pattern: (p: string) => `text matching \`${p}\``,
    list: (of: string, min?: number) => `list${min ? ` of at least ${min}` : ""}: ${of}`,
    object: "group of the fields below",
    objects: "entries with the fields below",
    defaultTo: (v: string) => `; default \`${v}\``,
  },
  zh: {
    text: (min?: number, max?: number) => `文本，${rangeZh(min, max, "个字符")}`,
    number: (min?: number, max?: number) => `数字${min !== undefined || max !== undefined ? `，${rangeZh(min, max)}` : ""}`,
    integer: (min?: number, max?: number) => `整数${min !== undefined || max !== undefined ? `，${rangeZh(min, max)}` : ""}`,
    date: "日期 `YYYY-MM-DD`",
    url: "网址（`https://…`）",
    vocabulary: (title: string, anchor: string) => `[${title}](#${anchor})中的术语 id`,
    country: "ISO 3166-1 二字母国家代码（大写），如 `CN`",
    license: "SPDX 许可证标识，如 `CC-BY-4.0`",
    language: (ids: string) => `语言代码：${ids}`,
    oneOf: (ids: string) => `取值之一：${ids}`,
    pattern: (p: string) => `符合 \`${p}\` 的文本`,
    list: (of: string, min?: number) => `列表${min ? `（至少 ${min} 项）` : ""}：${of}`,
    object: "由下列字段组成",
    objects: "每项由下列字段组成",
    defaultTo: (v: string) => `；默认 \`${v}\``,
  },
};

function range(min?: number, max?: number, unit = ""): string {
  const u = unit ? ` ${unit}` : "";
  if (min !== undefined && max !== undefined) return `${min}–${max}${u}`;
  if (min !== undefined) return min === 0 ? `0 or more${u}` : `at least ${min}${u}`;
  return `at most ${max}${u}`;
}
function rangeZh(min?: number, max?: number, unit = ""): string {
  if (min !== undefined && max !== undefined) return `${min}–${max}${unit}`;
  if (min !== undefined) return min === 0 ? `不小于 0` : `至少 ${min}${unit}`;
  return `至多 ${max}${unit}`;
}

const sameSet = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x) => b.includes(x));
const codes = (ids: readonly unknown[], lang: DocLanguage) => ids.map((id) => `\`${String(id)}\``).join(lang === "zh" ? "、" : ", ");

/** What a value may be, in words, from its JSON Schema: a vocabulary, a code list, a length, a range… */
export function describeValue(schema: JsonSchema, lang: DocLanguage, vocabularies: Vocabularies): string {
  const w = W[lang];
  const described = describeBare(schema, lang, vocabularies);
  return schema.default !== undefined ? described + w.defaultTo(String(schema.default)) : described;
}

function describeBare(schema: JsonSchema, lang: DocLanguage, vocabularies: Vocabularies): string {
  const w = W[lang];
  if (schema.enum) {
    const values = schema.enum;
    for (const [name, terms] of Object.entries(vocabularies) as [VocabularyName, Vocabularies[VocabularyName]][])
      if (sameSet(values, terms.map((t) => t.id))) return w.vocabulary(VOCABULARY_TITLES[name][lang], vocabularyAnchor(name));
    if (sameSet(values, COUNTRY_CODES)) return w.country;
    if (sameSet(values, SPDX_LICENSE_IDS)) return w.license;
    if (sameSet(values, LANGUAGES)) return w.language(codes(values, lang));
    return w.oneOf(codes(values, lang));
  }
  switch (schema.type) {
    case "string":
      if (schema.format === "date") return w.date;
      if (schema.format === "uri") return w.url;
      if (schema.pattern) return PATTERNS[schema.pattern]?.[lang] ?? w.pattern(schema.pattern);
      return w.text(schema.minLength, schema.maxLength);
    case "integer":
      return w.integer(schema.minimum, schema.maximum);
    case "number":
      return w.number(schema.minimum, schema.maximum);
    case "object":
      return w.object;
    case "array": {
      const items = schema.items ?? {};
      return w.list(items.type === "object" ? w.objects : describeBare(items, lang, vocabularies), schema.minItems);
    }
    default:
      return schema.type ?? "";
  }
}
