import { z } from "zod";
import { COUNTRY_CODES } from "./countries.js";
import { LANGUAGES } from "./languages.js";
import { DEFAULT_LICENSE, SPDX_LICENSE_IDS } from "./licenses.js";
import { isValidOrcid, ORCID_PATTERN } from "./orcid.js";
import { termIds, type Vocabularies } from "./vocabularies.js";

/** A custom zod issue carries the diagnostic rule it belongs to in `params.ruleId`. */
export function rule(ruleId: string, extra: Record<string, unknown> = {}) {
  return { params: { ruleId, ...extra } };
}

const CASE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export function isCaseId(id: string): boolean {
  return CASE_ID.test(id) && id.length <= 80;
}

const uniqueItems = <T extends z.ZodType>(item: T) =>
  z.array(item).refine((items) => new Set(items.map((i) => JSON.stringify(i))).size === items.length, {
    message: "Each item may appear only once in this list.",
    ...rule("list-duplicate"),
  });

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const year = z.number().int().min(1900).max(2100);
const isoDate = z.iso.date();
const country = z.enum(COUNTRY_CODES as [string, ...string[]]);
const MARKUP = /<\/?[a-z!][^>]*>|\[[^\]]*\]\([^)]*\)|(\*\*|__)\S|`[^`]+`|^#{1,6}\s/im;

function person() {
  return z.strictObject({
    name: text(2, 200),
    affiliation: text(2, 300).optional(),
    orcid: z
      .string()
      .regex(ORCID_PATTERN, "Expected an ORCID iD such as 0000-0002-1825-0097.")
      .refine(isValidOrcid, { message: "This ORCID iD fails its checksum.", ...rule("orcid-checksum") })
      .optional(),
  });
}

/** Fields that describe the case itself and are the same in every language. */
export function neutralShape(v: Vocabularies) {
  const metricUnits = new Map(v.metrics.map((m) => [m.id, m.unit]));
  const outcome = z
    .strictObject({
      metric: z.enum(termIds(v.metrics)),
      value: z.number().finite().nonnegative(),
      year,
      baseline: z.number().finite().nonnegative().optional(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, "Expected an ISO 4217 currency code such as CNY, USD or EUR.")
        .optional(),
      source: text(2, 500).optional(),
      note: text(2, 500).optional(),
    })
    .superRefine((o, ctx) => {
      const unit = metricUnits.get(o.metric);
      if (unit === "percent") {
        for (const key of ["value", "baseline"] as const) {
          const n = o[key];
          if (n !== undefined && n > 100)
            ctx.addIssue({ code: "custom", path: [key], message: `A percentage cannot exceed 100 (got ${n}).`, ...rule("outcome-percent") });
        }
      }
      if (unit === "currency" && o.currency === undefined)
        ctx.addIssue({ code: "custom", path: [], message: `The metric "${o.metric}" is an amount of money and needs a \`currency\`.`, ...rule("outcome-currency") });
      if (unit !== "currency" && o.currency !== undefined)
        ctx.addIssue({ code: "custom", path: ["currency"], message: `The metric "${o.metric}" is measured in ${unit}, not money, so it takes no \`currency\`.`, ...rule("outcome-currency") });
    });

  return {
    countries: uniqueItems(country).min(1),
    partners: z
      .array(z.strictObject({ name: text(2, 200), kind: z.enum(termIds(v.partnerKinds)), country }))
      .min(1),
    models: uniqueItems(z.enum(termIds(v.modelTypes))).min(1),
    direction: z.enum(termIds(v.directions)),
    sectors: uniqueItems(z.enum(termIds(v.sectors))).min(1),
    levels: uniqueItems(z.number().int().min(2).max(7)).optional(),
    period: z
      .strictObject({ start: year, end: year.optional() })
      .refine((p) => p.end === undefined || p.start <= p.end, {
        message: "The period ends before it starts.",
        path: ["end"],
        ...rule("period-order"),
      }),
    outcomes: z.array(outcome).optional(),
    sdgs: uniqueItems(z.number().int().min(1).max(17)).optional(),
    authors: z.array(person()).min(1),
    cover: z.strictObject({ src: text(1, 300), alt: text(1, 300) }).optional(),
    sources: z
      .array(
        z.strictObject({
          title: text(2, 300),
          url: z.url({ protocol: /^https?$/ }).optional(),
          publisher: text(2, 200).optional(),
          year: year.optional(),
        }),
      )
      .optional(),
    license: z.enum(SPDX_LICENSE_IDS as [string, ...string[]]).default(DEFAULT_LICENSE),
  };
}

/** Fields written in each language: a translation gives its own. */
export function languageShape(v: Vocabularies) {
  return {
    title: text(5, 200),
    summary: text(50, 600).refine((s) => !MARKUP.test(s), {
      message: "The summary is plain text: no Markdown or HTML markup.",
      ...rule("summary-markup"),
    }),
    tags: uniqueItems(text(1, 60)).optional(),
    status: z.enum(termIds(v.statuses)),
    published: isoDate,
    updated: isoDate.optional(),
  };
}

const datesInOrder = (c: { published: string; updated?: string | undefined }) => !c.updated || c.updated >= c.published;
const datesRule = { message: "`updated` is earlier than `published`.", path: ["updated"], ...rule("dates-order") };

/** The schemas of a case file: the original carries every field, a translation its own text fields. */
export function createCaseSchemas(v: Vocabularies) {
  const neutral = neutralShape(v);
  const original = z.strictObject({ ...languageShape(v), ...neutral }).refine(datesInOrder, datesRule);
  const translation = z
    .strictObject({
      translatedFrom: z.enum(LANGUAGES),
      translators: z.array(person()).optional(),
      sourceHash: z.string().regex(/^[0-9a-f]{12,64}$/).optional(),
      ...languageShape(v),
      ...z.object(neutral).partial().shape,
    })
    .refine(datesInOrder, datesRule);
  return { original, translation, neutralKeys: Object.keys(neutral) };
}

export type CaseSchemas = ReturnType<typeof createCaseSchemas>;
/** A validated original case, as the rest of Casebook sees it. */
export type CaseData = z.output<CaseSchemas["original"]>;
export type TranslationData = z.output<CaseSchemas["translation"]>;
