import { randomUUID } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { Casebook, CaseEntry } from "../link/casebook-model.js";
import { entryFromPortable, portableEntry, type PortableEntry } from "../link/portable-casebook.js";
import type { ThemeStrings } from "../site/theme-strings.js";
import { replaceFile } from "./replace-file.js";

/**
 * What a build after a few body edits needs to know of the previous build without loading every
 * case again (see quick-build.ts): the casebook as its pages saw it (without bodies), the case ids
 * that `case:` links were checked against, the related cases, the theme's strings, and the
 * searchable pages in order.
 */
export interface QuickState {
  /** The fingerprint (`BuildInputs.key`) of the build this describes, and of its shared inputs. */
  key: string;
  shared: string;
  /** Each case folder's content hash then, by folder name. */
  folders: ReadonlyMap<string, string>;
  caseIds: string[];
  /** Its bodies are empty. Read back, an entry is read from the state's file only when it is used. */
  book: Casebook;
  /** The ids of each case's related cases. */
  related: ReadonlyMap<string, string[]>;
  strings: ThemeStrings;
  searchPages: { path: string; file: string }[];
}

/** Everything but the entries, which are kept one by one in their own file (`entries.bin`). */
interface Base {
  format: 1;
  /** Names this base, so that a delta or entries made for another base are not used with it. */
  id: string;
  key: string;
  shared: string;
  folders: [string, string][];
  caseIds: string[];
  book: Omit<Casebook, "cases" | "byId">;
  /** Each case's id and the end of its serialised entry in `entries.bin` (after the base id). */
  cases: [id: string, end: number][];
  related: [string, string[]][];
  strings: ThemeStrings;
  searchPages: { path: string; file: string }[];
}

/** What quick builds changed since the base was written: the case entries they replaced. */
interface Delta {
  format: 1;
  base: string;
  key: string;
  folders: [string, string][];
  entries: PortableEntry[];
}

/** Which base and delta make the state of which build: read first, so that a stale state costs no more. */
interface Head {
  format: 1;
  base: string;
  key: string;
  shared: string;
  /** The entries the delta holds (0: no delta). */
  replaced: number;
}

/**
 * The state, kept in four files: the base and its entries, which a full build writes (about 15 MB
 * at 4,000 cases, of which a quick build reads the entries it uses), a small delta that each quick
 * build rewrites with the entries it replaced, so that a quick build never writes the whole
 * casebook, and the head that says which build they describe.
 */
export class QuickStateStore {
  /** The head last read, which the next delta builds on, and its delta. */
  #read: { head: Head; delta: Delta | undefined } | undefined;

  constructor(readonly dir: string) {}

  /** The state of the build `key` (with the shared inputs `shared`), when it is the one kept. */
  read(key: string, shared: string): (QuickState & { replaced: number }) | undefined {
    try {
      const head = JSON.parse(readFileSync(join(this.dir, "head.json"), "utf8")) as Head;
      if (head.format !== 1 || head.key !== key || head.shared !== shared) return undefined;
      const base = deserialize(readFileSync(join(this.dir, "base.bin"))) as Base;
      if (base.format !== 1 || base.id !== head.base) return undefined;
      const entries = readFileSync(join(this.dir, "entries.bin"));
      const stamp = Buffer.from(base.id);
      if (!entries.subarray(0, stamp.length).equals(stamp) || entries.length !== (base.cases.at(-1)?.[1] ?? stamp.length)) return undefined;
      const delta = head.replaced > 0 ? (deserialize(readFileSync(join(this.dir, "delta.bin"))) as Delta) : undefined;
      if (delta && (delta.format !== 1 || delta.base !== head.base || delta.key !== key)) return undefined;
      const replaced = new Map((delta?.entries ?? []).map((entry) => [entry.id, entry]));
      let start = stamp.length;
      const cases = base.cases.map(([id, end], i) => {
        const bytes = entries.subarray(start, end);
        start = end;
        const kept = replaced.get(id);
        return kept ? entryFromPortable(kept) : lazyEntry(id, i + 1, bytes);
      });
      const folders = new Map(base.folders);
      for (const [name, hash] of delta?.folders ?? []) folders.set(name, hash);
      this.#read = { head, delta };
      return {
        key,
        shared,
        folders,
        caseIds: base.caseIds,
        book: { ...base.book, cases, byId: new Map(cases.map((entry) => [entry.id, entry])) },
        related: new Map(base.related),
        strings: base.strings,
        searchPages: base.searchPages,
        replaced: replaced.size,
      };
    } catch {
      return undefined;
    }
  }

  /** After a full build: the whole state, and no delta. A failure only costs the next build its quick path. */
  writeBase(state: QuickState): void {
    const id = randomUUID();
    const chunks: Uint8Array[] = [Buffer.from(id)];
    let end = chunks[0]!.length;
    const cases = state.book.cases.map((entry): [string, number] => {
      const bytes = serialize(portableEntry(entry));
      chunks.push(bytes);
      end += bytes.length;
      return [entry.id, end];
    });
    const { config, vocabularies, languages } = state.book;
    const base: Base = {
      format: 1,
      id,
      key: state.key,
      shared: state.shared,
      folders: [...state.folders],
      caseIds: state.caseIds,
      book: { config, vocabularies, languages },
      cases,
      related: [...state.related],
      strings: state.strings,
      searchPages: state.searchPages,
    };
    try {
      rmSync(join(this.dir, "head.json"), { force: true });
      replaceFile(join(this.dir, "entries.bin"), Buffer.concat(chunks));
      replaceFile(join(this.dir, "base.bin"), serialize(base));
      rmSync(join(this.dir, "delta.bin"), { force: true });
      this.#writeHead({ format: 1, base: id, key: state.key, shared: state.shared, replaced: 0 });
    } catch {
      this.forget();
    }
  }

  /**
   * After a quick build from the state last read: the state of build `key`, which replaced
   * `entries` (besides those replaced before) and changed the hashes of `folders`.
   */
  writeDelta(key: string, folders: ReadonlyMap<string, string>, entries: readonly CaseEntry[]): void {
    if (!this.#read) throw new Error("writeDelta needs the state read first");
    const { head, delta: before } = this.#read;
    try {
      const replaced = new Map((before?.entries ?? []).map((entry) => [entry.id, entry]));
      for (const entry of entries) replaced.set(entry.id, portableEntry(entry));
      const changed = new Map(before?.folders ?? []);
      for (const [name, hash] of folders) changed.set(name, hash);
      const delta: Delta = { format: 1, base: head.base, key, folders: [...changed], entries: [...replaced.values()] };
      replaceFile(join(this.dir, "delta.bin"), serialize(delta));
      this.#writeHead({ ...head, key, replaced: delta.entries.length });
    } catch {
      this.forget();
    }
  }

  #writeHead(head: Head): void {
    replaceFile(join(this.dir, "head.json"), JSON.stringify(head));
  }

  forget(): void {
    try {
      rmSync(join(this.dir, "head.json"), { force: true });
    } catch {
      // An unwritable cache: the head names a build whose record is gone or replaced, never used again.
    }
  }
}

/** Every field of an entry but its id and number (the compiler checks that none is missing). */
const ENTRY_FIELDS = Object.keys({ data: 1, originalLang: 1, versions: 1, folder: 1, assets: 1, linksTo: 1 } satisfies Record<Exclude<keyof CaseEntry, "id" | "number">, 1>) as Exclude<keyof CaseEntry, "id" | "number">[];

/**
 * An entry whose id and number are known and whose other fields are read from `bytes` when first
 * used: a quick build uses a few dozen of the 4,000 (the changed cases, their neighbours, related
 * and linked cases), and reading them all was most of its time.
 */
function lazyEntry(id: string, number: number, bytes: Uint8Array): CaseEntry {
  let full: CaseEntry | undefined;
  const entry = { id, number } as CaseEntry;
  for (const field of ENTRY_FIELDS)
    Object.defineProperty(entry, field, {
      enumerable: true,
      get: () => (full ??= entryFromPortable(deserialize(bytes) as PortableEntry))[field],
    });
  return entry;
}
