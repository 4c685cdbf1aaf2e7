import type { LoadedFile } from "../load/load-casebook.js";
import { matchesDigest, SOURCE_HASH_LENGTH, SOURCE_HASH_PATTERN, sourceDigestOfFile } from "./source-hash.js";

/**
 * Where a translation stands against its original:
 * - `current`: its `sourceHash` names the original as it is now;
 * - `stale`: the original has changed since the translation was made (or last stamped);
 * - `unversioned`: it records no `sourceHash`, so nobody can tell.
 */
export type TranslationState = "current" | "stale" | "unversioned";

export interface TranslationCheck {
  state: TranslationState;
  /** The `sourceHash` the translation records, when it has one. */
  recorded?: string;
  /** The `sourceHash` of the original as it is now. */
  current: string;
}

/** Whether a file's raw frontmatter marks it as a translation. */
export function isTranslationFile(file: LoadedFile): boolean {
  const data = file.frontmatter?.data;
  return data !== undefined && Object.hasOwn(data, "translatedFrom");
}

/** The original of a case: its first readable language file without `translatedFrom`. */
export function findOriginal<T extends LoadedFile>(files: readonly T[]): T | undefined {
  return files.find((f) => f.frontmatter?.data !== undefined && !isTranslationFile(f));
}

/**
 * Compares a translation with its original. Undefined when it cannot be judged, because another
 * diagnostic already explains why: a frontmatter that cannot be read, a `translatedFrom` that does
 * not name the original, or a malformed `sourceHash`.
 */
export function checkTranslation(original: LoadedFile, translation: LoadedFile): TranslationCheck | undefined {
  const data = translation.frontmatter?.data;
  if (!data || data["translatedFrom"] !== original.ref.lang) return undefined;
  const digest = sourceDigestOfFile(original);
  if (digest === undefined) return undefined;
  const current = digest.slice(0, SOURCE_HASH_LENGTH);
  const recorded = data["sourceHash"];
  if (recorded === undefined) return { state: "unversioned", current };
  if (typeof recorded !== "string" || !SOURCE_HASH_PATTERN.test(recorded)) return undefined;
  return { state: matchesDigest(recorded, digest) ? "current" : "stale", recorded, current };
}
