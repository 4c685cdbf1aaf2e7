import { z } from "zod";
import { LANGUAGES } from "./languages.js";
import { isCaseId } from "./case.js";
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

const caseId = z.string().refine(isCaseId, { message: "A case id is lower-case words joined by hyphens, e.g. `tianjin-thailand-rail-workshop`." });

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
    /**
     * Permanent links. A renamed case: its old id and the id it is now published under; the old
     * URL keeps answering with a redirect page in every language.
     */
    redirects: z.record(caseId, caseId).default({}),
    /** A case taken out of the casebook, and why: its URL answers with a page that says so. */
    withdrawn: z.array(z.strictObject({ id: caseId, reason: localizedText })).default([]),
    /**
     * Where each edition's website is published, with `{version}` standing for the edition
     * (e.g. `https://{version}.casebook.example.org/`); the edition banner links there.
     * Default: `<baseUrl>editions/{version}/`.
     */
    editionUrl: z.string().regex(/^https?:\/\/[^\s]*\{version\}[^\s]*$/, { message: "Give an http(s) URL with `{version}` where the edition goes." }).optional(),
  })
  .refine((c) => c.languages.includes(c.defaultLanguage), {
    message: "`defaultLanguage` must be one of `languages`.",
    path: ["defaultLanguage"],
  });

export type CasebookConfig = z.output<typeof configSchema>;
export type LocalizedConfigText = z.output<typeof localizedText>;
export type PrintConfig = CasebookConfig["print"];
