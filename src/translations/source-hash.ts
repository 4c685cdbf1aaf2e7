import { createHash } from "node:crypto";
import type { LoadedFile } from "../load/load-casebook.js";

/** How many hex digits of the digest `casebook stamp` and `casebook new --translate` write. */
export const SOURCE_HASH_LENGTH = 12;
/** What the translation schema accepts as a `sourceHash`: a prefix of the digest, 12 to 64 hex digits. */
export const SOURCE_HASH_PATTERN = /^[0-9a-f]{12,64}$/;

/** The parts of an original that a translator translates. */
export interface TranslatableText {
  title: unknown;
  summary: unknown;
  tags: unknown;
  /** The Markdown after the frontmatter. */
  body: string;
}

/**
 * The version of an original, as a translation records it in `sourceHash`.
 *
 * The SHA-256 digest (lower-case hex) of the UTF-8 text
 *
 *     JSON.stringify([title, summary, tags]) + "\n" + body.trim()
 *
 * where `title`, `summary` and `tags` are the original's frontmatter values as YAML reads them
 * (`null` when absent) and `body` is the Markdown after the frontmatter, read as Casebook reads
 * every file (byte-order mark removed, CRLF and CR turned into LF). Only what a translator
 * translates counts: editorial fields (`status`, `published`, `updated`) and the language-neutral
 * fields a translation inherits (partners, outcomes…) can change without making translations stale,
 * and so can YAML quoting and folding, or blank lines around the body.
 */
export function sourceDigest(text: TranslatableText): string {
  const input = `${JSON.stringify([text.title ?? null, text.summary ?? null, text.tags ?? null])}\n${text.body.trim()}`;
  return createHash("sha256").update(input, "utf8").digest("hex");
}

/** The `sourceHash` to record for an original as it is now (the first 12 hex digits of its digest). */
export function sourceHash(text: TranslatableText): string {
  return sourceDigest(text).slice(0, SOURCE_HASH_LENGTH);
}

/**
 * Digests by the frontmatter they were made from: an original with translations is asked for its
 * digest by validation and by linking, and again at every update of the preview while it is unchanged.
 * A file read again has a new frontmatter object; the loaded file and its validated copy share one.
 */
const digests = new WeakMap<object, string>();

/** The digest of a loaded original, or undefined when its frontmatter cannot be read. */
export function sourceDigestOfFile(file: LoadedFile): string | undefined {
  const frontmatter = file.frontmatter;
  const data = frontmatter?.data;
  if (!frontmatter || !data || file.body === undefined) return undefined;
  let digest = digests.get(frontmatter);
  if (digest === undefined) {
    digest = sourceDigest({ title: data["title"], summary: data["summary"], tags: data["tags"], body: file.body });
    digests.set(frontmatter, digest);
  }
  return digest;
}

/** The `sourceHash` to record for a loaded original, or undefined when its frontmatter cannot be read. */
export function sourceHashOfFile(file: LoadedFile): string | undefined {
  return sourceDigestOfFile(file)?.slice(0, SOURCE_HASH_LENGTH);
}

/** Whether a recorded `sourceHash` names this digest (any prefix of 12 to 64 hex digits does). */
export function matchesDigest(recorded: string, digest: string): boolean {
  return SOURCE_HASH_PATTERN.test(recorded) && digest.startsWith(recorded);
}
