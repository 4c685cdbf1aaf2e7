import { z } from "zod";
import { LANGUAGES } from "./languages.js";
import { DEFAULT_LICENSE, SPDX_LICENSE_IDS } from "./licenses.js";

/** How the print book groups its cases into parts: by the first model, sector or country of each case. */
export const PRINT_GROUPINGS = ["model", "sector", "country", "none"] as const;
export const PAPER_SIZES = ["A4", "Letter"] as const;

/** A text given once for every language, or per language (the default language is required). */
const localizedText = z.union([
  z.string().min(1),
  z.strictObject({
    en: z.string().min(1),
    zh: z.string().min(1).optional(),
    fr: z.string().min(1).optional(),
    ru: z.string().min(1).optional(),
  }),
]);

export const configSchema = z
  .strictObject({
    title: localizedText,
    subtitle: localizedText.optional(),
    edition: z.string().min(1).max(40),
    languages: z.array(z.enum(LANGUAGES)).min(1).default([...LANGUAGES]),
    defaultLanguage: z.enum(LANGUAGES).default("en"),
    baseUrl: z.url({ protocol: /^https?$/ }),
    theme: z.string().regex(/^[a-z0-9-]+$/).default("default"),
    publisher: localizedText,
    license: z.enum(SPDX_LICENSE_IDS as [string, ...string[]]).default(DEFAULT_LICENSE),
    cases: z.string().min(1).default("cases"),
    /** The print book: how cases are grouped into parts, and the paper size. */
    print: z
      .strictObject({
        groupBy: z.enum(PRINT_GROUPINGS).default("model"),
        paper: z.enum(PAPER_SIZES).default("A4"),
      })
      .default({ groupBy: "model", paper: "A4" }),
  })
  .refine((c) => c.languages.includes(c.defaultLanguage), {
    message: "`defaultLanguage` must be one of `languages`.",
    path: ["defaultLanguage"],
  });

export type CasebookConfig = z.output<typeof configSchema>;
export type LocalizedConfigText = z.output<typeof localizedText>;
export type PrintConfig = CasebookConfig["print"];
