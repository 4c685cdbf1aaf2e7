import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CaseEntry, Casebook } from "../link/casebook-model.js";
import type { ManifestCase } from "./manifest-schema.js";

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/**
 * The content of each released case, for the manifest: the SHA-256 of each language file as it is
 * on disk, and one hash of the whole case — SHA-256 of the lines `<lang> <hash>` for each language
 * and `<path> <hash>` for each media file, sorted, each ending in a newline. Sorted by id.
 */
export function caseHashes(book: Casebook): ManifestCase[] {
  return [...book.cases].sort((a, b) => (a.id < b.id ? -1 : 1)).map(caseHash);
}

function caseHash(entry: CaseEntry): ManifestCase {
  const languages: ManifestCase["languages"] = {};
  const lines: string[] = [];
  for (const lang of [...entry.versions.keys()].sort()) {
    const version = entry.versions.get(lang)!;
    const hash = sha256(readFileSync(version.absolutePath));
    languages[lang] = { hash, title: version.title };
    lines.push(`${lang} ${hash}`);
  }
  for (const [file, kind] of [...entry.assets].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (kind === "file") lines.push(`${file} ${sha256(readFileSync(join(entry.folder, file)))}`);
  return { id: entry.id, originalLanguage: entry.originalLang, hash: sha256(lines.map((l) => `${l}\n`).join("")), languages };
}
