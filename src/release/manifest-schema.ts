import { z } from "zod";
import { LANGUAGES } from "../../schema/languages.js";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const language = z.enum(LANGUAGES);
const perLanguage = <T extends z.ZodType>(value: T) => z.partialRecord(language, value);

/** `manifest.json` of an edition: what it holds, with checksums. Written sorted and indented. */
export const manifestSchema = z.strictObject({
  /** Format of this file. */
  manifest: z.literal(1),
  version: z.string().min(1),
  /** ISO 8601 date and time of the edition (UTC). */
  date: z.string().min(1),
  /** The edition its changelog compares with; null for the first. */
  previous: z.string().min(1).nullable(),
  cases: z.array(
    z.strictObject({
      id: z.string().min(1),
      originalLanguage: language,
      /** SHA-256 over the case's language files and media (see case-hashes.ts). */
      hash: sha256,
      /** Each published language version: the SHA-256 of its file, and its title. */
      languages: perLanguage(z.strictObject({ hash: sha256, title: z.string() })),
    }),
  ),
  /** Renamed cases: old id → current id. */
  redirects: z.record(z.string(), z.string()),
  withdrawn: z.array(z.strictObject({ id: z.string().min(1), reason: perLanguage(z.string()) })),
  /** Every file of the edition except this manifest, by path inside the edition folder. */
  artifacts: z.array(z.strictObject({ path: z.string().min(1), size: z.number().int().nonnegative(), sha256 })),
});

export type Manifest = z.output<typeof manifestSchema>;
export type ManifestCase = Manifest["cases"][number];

/** The manifest as written: two-space JSON with a final newline (its key order is the schema's). */
export function manifestText(manifest: Manifest): string {
  return `${JSON.stringify(manifestSchema.parse(manifest), null, 2)}\n`;
}
