import type { Language } from "../../schema/languages.js";
import type { ChangedCase, Changelog } from "./edition-model.js";
import type { Manifest, ManifestCase } from "./manifest-schema.js";

/** A case that was in the previous edition and is not in this one, without being declared. */
export class UndeclaredRemovalError extends Error {
  override name = "UndeclaredRemovalError";
  constructor(readonly ids: string[], readonly previous: string) {
    super(`${ids.map((id) => `"${id}"`).join(", ")} ${ids.length === 1 ? "was" : "were"} in edition ${previous} but ${ids.length === 1 ? "is" : "are"} not in this one.`);
  }
}

type Current = Pick<Manifest, "version" | "date" | "cases" | "redirects" | "withdrawn">;

const byId = <T extends { id: string }>(list: T[]) => list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const titles = (c: ManifestCase) => Object.fromEntries(Object.entries(c.languages).map(([l, v]) => [l, v.title])) as Partial<Record<Language, string>>;
const named = (c: ManifestCase): ChangedCase => ({ id: c.id, titles: titles(c), originalLanguage: c.originalLanguage });

/**
 * What changed since `previous` (null for a first edition: every case is added). A renamed case is
 * compared with its old record; a case that disappeared must be declared renamed or withdrawn, or
 * the release is refused (its URL would lead nowhere true).
 */
export function computeChangelog(current: Current, previous: Manifest | null): Changelog {
  const log: Changelog = { version: current.version, date: current.date, previous: previous?.version ?? null, added: [], updated: [], translated: [], renamed: [], withdrawn: [] };
  const before = new Map((previous?.cases ?? []).map((c) => [c.id, c]));
  const now = new Map(current.cases.map((c) => [c.id, c]));
  // A renamed case: the new id's previous record is the old id's.
  const renamedFrom = new Map<string, string>();
  for (const [from, to] of Object.entries(current.redirects)) if (before.has(from) && !before.has(to) && now.has(to)) renamedFrom.set(to, from);

  for (const c of current.cases) {
    const from = renamedFrom.get(c.id);
    const old = before.get(from ?? c.id);
    if (!old) {
      log.added.push(named(c));
      continue;
    }
    if (from) log.renamed.push({ ...named(c), from });
    const langs = Object.keys(c.languages).sort() as Language[];
    const changed = langs.filter((l) => old.languages[l] && old.languages[l].hash !== c.languages[l]!.hash);
    const gained = langs.filter((l) => !old.languages[l]);
    if (changed.length > 0 || (old.hash !== c.hash && gained.length === 0)) log.updated.push({ ...named(c), languages: changed });
    if (gained.length > 0) log.translated.push({ ...named(c), languages: gained });
  }
  const withdrawn = new Map(current.withdrawn.map((w) => [w.id, w.reason]));
  const missing: string[] = [];
  for (const old of before.values()) {
    if (now.has(old.id)) continue;
    const to = current.redirects[old.id];
    if (to !== undefined && now.has(to)) {
      // Redirected to a case that was already in the previous edition: two cases merged into one.
      if (renamedFrom.get(to) !== old.id) log.renamed.push({ ...named(now.get(to)!), from: old.id });
      continue;
    }
    const reason = withdrawn.get(old.id);
    if (reason) log.withdrawn.push({ ...named(old), reason });
    else missing.push(old.id);
  }
  if (missing.length > 0) throw new UndeclaredRemovalError(missing.sort(), previous!.version);
  for (const list of [log.added, log.updated, log.translated, log.renamed, log.withdrawn]) byId(list);
  return log;
}
