import { lstatSync, readFileSync, realpathSync, statSync } from "node:fs";
import { sep } from "node:path";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { CaseFileRef } from "./find-case-files.js";
import { SourceText } from "./source-text.js";

/** Larger files are refused before they are parsed: a case is a few thousand words. */
export const MAX_CASE_FILE_BYTES = 2 * 1024 * 1024;

export interface ReadResult {
  /** The text as Casebook works on it: UTF-8 decoded, BOM removed, CRLF turned into LF. */
  source?: SourceText;
  diagnostics: Diagnostic[];
}

const TOP = { start: { line: 1, column: 1 } };
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function readCaseFile(ref: CaseFileRef): ReadResult {
  const fail = (ruleId: "file-unreadable" | "file-too-large" | "file-empty", reason: string): ReadResult => ({
    diagnostics: [createDiagnostic({ ruleId, file: ref.display, place: TOP, reason })],
  });
  let bytes: Buffer;
  try {
    // A case file that is a symbolic link out of its case folder (git stores links) could make check
    // print any file of the machine that runs it, `/proc/self/environ` and its secrets included, in
    // a code frame; a device or a pipe would never end. Only regular files inside the case are read.
    let stat = lstatSync(ref.path);
    if (stat.isSymbolicLink()) {
      const target = realpathSync(ref.path);
      if (!(target + sep).startsWith(realpathSync(ref.folder) + sep))
        return fail("file-unreadable", `\`${ref.display}\` is a symbolic link that leads out of its case folder, so it is not read.`);
      stat = statSync(ref.path);
    }
    if (stat.isDirectory()) return fail("file-unreadable", `\`${ref.display}\` is a folder, not a file.`);
    if (!stat.isFile()) return fail("file-unreadable", `\`${ref.display}\` is not a regular file (a device, socket or pipe), so it is not read.`);
    if (stat.size > MAX_CASE_FILE_BYTES)
      return fail(
        "file-too-large",
        `The file is ${(stat.size / 1024 / 1024).toFixed(1)} MB; a case file may be at most ${MAX_CASE_FILE_BYTES / 1024 / 1024} MB.`,
      );
    bytes = readFileSync(ref.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    return fail("file-unreadable", `The file could not be read (${code}).`);
  }
  if (isBlank(bytes)) return fail("file-empty", "The file is empty.");

  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { diagnostics: [invalidUtf8(ref, bytes)] };
  }
  const diagnostics: Diagnostic[] = [];
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    diagnostics.push(
      createDiagnostic({ ruleId: "file-bom", file: ref.display, place: TOP, reason: "The file starts with a byte-order mark (BOM)." }),
    );
  }
  const crlf = text.indexOf("\r\n");
  if (crlf !== -1) {
    const line = text.slice(0, crlf).split("\n").length;
    text = text.replace(/\r\n?/g, "\n");
    diagnostics.push(
      createDiagnostic({
        ruleId: "file-line-endings",
        file: ref.display,
        place: { start: { line, column: crlf - text.lastIndexOf("\n", crlf - 1) } },
        reason: "The file uses Windows (CRLF) line endings.",
      }),
    );
  }
  return { source: new SourceText(text), diagnostics };
}

/** No bytes, or only the one-byte characters `String.trim` removes (space, tab, line breaks, VT, FF, NBSP), without decoding the file. */
function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0b && b !== 0x0c && b !== 0xa0) return false;
  return true;
}

/** Points at the first byte that is not valid UTF-8. */
function invalidUtf8(ref: CaseFileRef, bytes: Buffer): Diagnostic {
  const bad = firstInvalidUtf8Byte(bytes);
  const lines = new TextDecoder().decode(bytes.subarray(0, bad)).split("\n");
  const byte = bytes[bad] ?? 0;
  return createDiagnostic({
    ruleId: "file-encoding",
    file: ref.display,
    place: { start: { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 } },
    reason: `The file is not valid UTF-8: byte 0x${byte.toString(16).padStart(2, "0")} at offset ${bad} cannot be decoded.`,
  });
}

/** The offset where a UTF-8 sequence first goes wrong (lead byte, continuation, overlong or surrogate). */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f)) return i;
    if ((b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return bytes.length;
}
