import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { byPath, type OutputFile, type OutputFolder, type OutputListing } from "../cache/build-record.js";
import { placeFile } from "../cache/page-cache.js";
import { besideOutput, OUTPUT_MARKER, outputLockPath, RELEASES_FOLDER, renewMarker } from "./atomic-output.js";
import { withOutputLock } from "./output-lock.js";
import { markerStamp } from "./output-marker.js";
import { ProjectError } from "./open-project.js";
import { copyWithTime, sameAsCopied, targetIn, type SiteFiles } from "./site-writer.js";

/** The output was changed by someone else (another build) while this build ran: it is written whole instead. */
export class OutputChangedError extends Error {
  override name = "OutputChangedError";
}

/**
 * A build that updates the previous output in place instead of writing all of it again. A build
 * after a one-case edit produces tens of thousands of files that are the same as the ones already
 * there; writing them into a fresh folder (a folder per page, a link per page) and swapping it in
 * cost seconds. Here the build writes only what differs into a sparse folder beside the output,
 * and when everything is written and nothing failed, the changed files are renamed into the output,
 * the files the build no longer makes are removed, and the rest is left untouched.
 *
 * Only an output exactly as the previous build recorded it is updated (see BuildCache.previousOutput).
 * A failed build leaves it as it was: nothing is renamed before the build has finished. The renames
 * themselves take milliseconds; a build killed among them leaves no build record, so the next build
 * writes the whole output again. Another build that changed the output meanwhile (found by the
 * output's marker file, which each update replaces) makes this one write the whole output instead.
 */
export class OutputUpdate {
  readonly staging: string;
  readonly #previous: Map<string, OutputFile>;
  readonly #folders: Map<string, number>;
  readonly #kept = new Set<string>();
  /** The previous listing, in order; after keepAll, the update changes it only where it writes. */
  readonly #listing: OutputListing;
  #keptAll = false;
  readonly #marker: string;
  readonly #dev: number;

  /**
   * `marker`: the stamp of the output's marker file (`markerStamp`) read before the output was found
   * to be as `previous` lists it; any update or swap since then makes this build write all of it.
   */
  constructor(
    readonly out: string,
    previous: OutputListing,
    marker = markerStamp(out),
  ) {
    this.#listing = previous;
    this.#previous = new Map(previous.files.map((f) => [f[0], f]));
    this.#folders = new Map(previous.folders);
    this.#marker = marker;
    this.#dev = statSync(out).dev;
    this.staging = besideOutput(out, "tmp");
  }

  /**
   * Runs `write` into the sparse staging folder, then applies it to the output. Returns what the
   * output holds afterwards. On any failure the staging folder is removed and the output is untouched.
   */
  async write(write: (dir: string) => Promise<void>): Promise<OutputListing> {
    mkdirSync(this.staging, { recursive: true });
    try {
      await write(this.staging);
      if (existsSync(join(this.staging, RELEASES_FOLDER)))
        throw new ProjectError(`The build wrote a ${RELEASES_FOLDER}/ folder, which belongs to \`casebook release\`.`, "Remove it from what the build writes.");
      return withOutputLock(outputLockPath(this.out), () => this.#apply());
    } finally {
      rmSync(this.staging, { recursive: true, force: true });
    }
  }

  /**
   * Keeps every file of the previous output that this build does not write again: for a build that
   * knows which few files it changes (see quick-build.ts), where others list every file they keep.
   */
  keepAll(): void {
    for (const path of this.#previous.keys()) this.#kept.add(path);
    this.#keptAll = true;
  }

  /** The files of the output folder `sub` (e.g. "site"), kept where unchanged, staged where not. */
  siteFiles(sub: string): SiteFiles {
    const dir = join(this.staging, sub);
    const staged = new Set<string>();
    const rel = (file: string) => join(sub, file);
    const into = targetIn(dir);
    const target = (file: string) => {
      this.#kept.delete(rel(file));
      staged.add(file);
      return into(file);
    };
    const keep = (file: string) => {
      // Written again with what the output already holds: the earlier write is withdrawn.
      if (staged.delete(file)) rmSync(join(dir, file), { force: true });
      this.#kept.add(rel(file));
      return true;
    };
    const recorded = (file: string) => this.#previous.get(rel(file));
    const current = (file: string) => join(this.out, rel(file));
    // The output was checked to be as recorded: a file with the recorded inode is that very file, unchanged.
    const holdsLink = (file: string, identity: { dev: number; ino: number }) => identity.dev === this.#dev && identity.ino === recorded(file)?.[3];
    return {
      dir,
      target,
      write: (file, content) => {
        const before = recorded(file);
        const size = typeof content === "string" ? Buffer.byteLength(content) : content.length;
        if (before?.[1] === size && holds(current(file), () => (typeof content === "string" ? Buffer.from(content) : content)) && keep(file)) return;
        writeFileSync(target(file), content);
      },
      place: (source, file, identity) => {
        // The output's file is the cache's (a hard link the previous build made): nothing to do.
        if (holdsLink(file, identity) && keep(file)) return;
        placeFile(source, target(file));
      },
      holdsLink,
      copy: (source, file) => {
        // The output's copy is as recorded (the output was checked), so its size and time say
        // whether the source changed since it was copied; nothing is read.
        const before = recorded(file);
        const stat = statSync(source);
        if (before && sameAsCopied(stat, before[1], before[2]) && keep(file)) return;
        copyWithTime(source, target(file), stat);
      },
      drop: (file) => {
        this.#kept.delete(rel(file));
        staged.delete(file);
        rmSync(join(dir, file), { force: true });
      },
      pathOf: (file) => (staged.has(file) || !this.#kept.has(rel(file)) ? join(dir, file) : current(file)),
      carryFolder: (source, folder) => {
        // The previous index is the one in this output: it stays where it is.
        const prefix = `${rel(folder)}${sep}`;
        if (source !== current(folder)) throw new Error(`cannot carry ${source} into an updated output`);
        let count = 0;
        for (const path of this.#previous.keys()) if (path.startsWith(prefix)) count += Number(keep(path.slice(sub.length + 1)));
        return count;
      },
    };
  }

  #apply(): OutputListing {
    if (markerStamp(this.out) !== this.#marker) throw new OutputChangedError(`${this.out} was changed by another build while this one ran.`);
    // The marker is replaced first: another build that started from the same output sees it changed.
    renewMarker(this.out);
    const staged = readdirSync(this.staging, { withFileTypes: true, recursive: true })
      .filter((entry) => !entry.isDirectory())
      .map((entry) => relative(this.staging, join(entry.parentPath, entry.name)));
    if (this.#keptAll && this.#previous.has(OUTPUT_MARKER) && staged.every((path) => this.#previous.has(path))) return this.#replaceOnly(staged);
    const touched = new Set<string>([""]);
    const files = new Map<string, OutputFile>();
    for (const path of this.#kept) files.set(path, this.#previous.get(path)!);
    for (const [path, entry] of this.#previous)
      if (path === OUTPUT_MARKER || path.startsWith(`${RELEASES_FOLDER}${sep}`)) files.set(path, entry);
    // New and changed files, renamed over the previous ones (their folders made where new).
    for (const path of staged) {
      const target = join(this.out, path);
      const parent = dirname(path);
      if (!this.#folders.has(parent)) {
        // A new folder: a file of the previous output in its place goes (a file that became a folder).
        let folder = parent;
        for (; folder !== "." && !this.#folders.has(folder); folder = dirname(folder)) if (this.#previous.has(folder)) rmSync(join(this.out, folder), { force: true });
        touched.add(folder === "." ? "" : folder);
        mkdirSync(dirname(target), { recursive: true });
      } else if (this.#folders.has(path)) rmSync(target, { recursive: true }); // a folder that became a file
      touched.add(parent === "." ? "" : parent);
      renameSync(join(this.staging, path), target);
      const stat = statSync(target);
      files.set(path, [path, stat.size, stat.mtimeMs, stat.ino]);
    }
    // Files the build no longer makes (but not one that became a folder), and the folders they leave empty.
    const needed = new Set<string>([""]);
    for (const path of files.keys()) for (let folder = dirname(path); folder !== "." && !needed.has(folder); folder = dirname(folder)) needed.add(folder);
    for (const path of this.#previous.keys()) {
      if (files.has(path) || needed.has(path)) continue;
      try {
        rmSync(join(this.out, path), { force: true });
      } catch (error) {
        // Gone with its folder, which became a file.
        if ((error as NodeJS.ErrnoException).code !== "ENOTDIR") throw error;
      }
      touched.add(dirname(path) === "." ? "" : dirname(path));
    }
    const removable = (f: string) => !needed.has(f) && f !== RELEASES_FOLDER && !f.startsWith(`${RELEASES_FOLDER}${sep}`);
    for (const folder of [...this.#folders.keys()].filter(removable).sort().reverse()) {
      try {
        rmdirSync(join(this.out, folder));
      } catch {
        // Not empty after all (a folder the listing did not know): it stays, and the next build sees it.
      }
      touched.add(dirname(folder) === "." ? "" : dirname(folder));
    }
    const folders: OutputFolder[] = [];
    for (const folder of needed) {
      const mtimeMs = touched.has(folder) || !this.#folders.has(folder) ? statSync(join(this.out, folder)).mtimeMs : this.#folders.get(folder)!;
      folders.push([folder, mtimeMs]);
    }
    const markerStat = statSync(join(this.out, OUTPUT_MARKER));
    files.set(OUTPUT_MARKER, [OUTPUT_MARKER, markerStat.size, markerStat.mtimeMs, markerStat.ino]);
    return { files: [...files.values()].sort(byPath), folders: folders.sort(byPath) };
  }

  /**
   * The apply of an update that kept every file and wrote only files the output already had (a
   * quick build's pages): each is renamed over its predecessor, and the listing is the previous one
   * with those files and their folders stamped again, without going over its 47,000 entries twice.
   */
  #replaceOnly(staged: readonly string[]): OutputListing {
    const replaced = new Map<string, OutputFile>();
    const touched = new Set<string>([""]);
    for (const path of staged) {
      const target = join(this.out, path);
      renameSync(join(this.staging, path), target);
      const stat = statSync(target);
      replaced.set(path, [path, stat.size, stat.mtimeMs, stat.ino]);
      touched.add(dirname(path) === "." ? "" : dirname(path));
    }
    const markerStat = statSync(join(this.out, OUTPUT_MARKER));
    replaced.set(OUTPUT_MARKER, [OUTPUT_MARKER, markerStat.size, markerStat.mtimeMs, markerStat.ino]);
    return {
      files: this.#listing.files.map((entry) => replaced.get(entry[0]) ?? entry),
      folders: this.#listing.folders.map((entry): OutputFolder => (touched.has(entry[0]) ? [entry[0], statSync(join(this.out, entry[0])).mtimeMs] : entry)),
    };
  }
}

/** Whether the file at `path` holds exactly `bytes` (false when it cannot be read). */
function holds(path: string, bytes: () => Uint8Array): boolean {
  try {
    return readFileSync(path).equals(bytes());
  } catch {
    return false;
  }
}

