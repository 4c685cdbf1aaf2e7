import { readdirSync, type Dirent } from "node:fs";
import { join, relative } from "node:path";
import { isLanguage, type Language } from "../../schema/languages.js";
import { isCaseId } from "../../schema/case.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";

/** A language file of a case, found on disk but not read yet. */
export interface CaseFileRef {
  id: string;
  lang: Language;
  /** Absolute path. */
  path: string;
  /** Path shown to people: relative to the working folder, with forward slashes. */
  display: string;
  /** Absolute path of the case folder. */
  folder: string;
}

export interface FoundCases {
  files: CaseFileRef[];
  diagnostics: Diagnostic[];
}

const ROOT_ALLOWED = new Set(["README.md", "readme.md"]);
const ASSET_FOLDERS = new Set(["images"]);
const TOP = { start: { line: 1, column: 1 } };

export function displayPath(path: string, cwd: string): string {
  return relative(cwd, path).split("\\").join("/") || ".";
}

const hidden = (entry: Dirent) => entry.name.startsWith(".");
const sorted = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => !hidden(e))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** Lists `<casesDir>/<id>/<lang>.md` and reports whatever else is there. Sorted, so runs are stable. */
export function findCaseFiles(casesDir: string, cwd: string): FoundCases {
  const files: CaseFileRef[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const entry of sorted(casesDir)) {
    const path = join(casesDir, entry.name);
    const display = displayPath(path, cwd);
    if (!entry.isDirectory()) {
      if (!ROOT_ALLOWED.has(entry.name))
        diagnostics.push(
          createDiagnostic({
            ruleId: "stray-file",
            file: display,
            place: TOP,
            reason: `\`${entry.name}\` is not a case: the cases folder holds one folder per case.`,
            hint: "Move the file into a case folder as `<id>/<lang>.md`, or delete it.",
          }),
        );
      continue;
    }
    listCaseFolder(entry.name, path, display, files, diagnostics);
  }
  return { files, diagnostics };
}

/** The language files of one case folder (`<casesDir>/<id>`) and whatever else is there, as `findCaseFiles` reports them. */
export function findFolderFiles(casesDir: string, id: string, cwd: string): FoundCases {
  const files: CaseFileRef[] = [];
  const diagnostics: Diagnostic[] = [];
  const path = join(casesDir, id);
  listCaseFolder(id, path, displayPath(path, cwd), files, diagnostics);
  return { files, diagnostics };
}

function listCaseFolder(id: string, path: string, display: string, files: CaseFileRef[], diagnostics: Diagnostic[]): void {
  if (!isCaseId(id))
    diagnostics.push(
      createDiagnostic({
        ruleId: "case-id",
        file: display,
        place: TOP,
        reason: `The folder name \`${id}\` is not a valid case id (lower-case letters, digits and single hyphens, at most 80 characters).`,
        expected: [suggestId(id)],
        hint: `Rename the folder, for example to \`${suggestId(id)}\`; the id becomes the case's permanent address.`,
      }),
    );
  for (const inner of sorted(path)) {
    const innerPath = join(path, inner.name);
    // A name read from a folder is one path segment: its display path is the folder's and the name
    // (path.relative for each of them was a third of this function at 4,000 cases).
    const innerDisplay = display === "." ? inner.name : `${display}/${inner.name}`;
    const match = /^(.+)\.md$/i.exec(inner.name);
    if (match) {
      const lang = match[1] ?? "";
      if (!isLanguage(lang)) {
        diagnostics.push(
          createDiagnostic({
            ruleId: "language-unknown",
            file: innerDisplay,
            place: TOP,
            reason: `\`${inner.name}\` is not named after a supported language (en, zh, fr, ru).`,
          }),
        );
        continue;
      }
      files.push({ id, lang, path: innerPath, display: innerDisplay, folder: path });
    } else if (!(inner.isDirectory() && ASSET_FOLDERS.has(inner.name))) {
      diagnostics.push(
        createDiagnostic({
          ruleId: "stray-file",
          file: innerDisplay,
          place: TOP,
          reason: `\`${inner.name}\` does not belong in a case folder.`,
        }),
      );
    }
  }
}

function suggestId(name: string): string {
  const id = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return id || "my-case";
}
