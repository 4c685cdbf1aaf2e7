import { statSync } from "node:fs";
import { join } from "node:path";

/** Every Casebook output folder carries this file; no other folder is ever replaced. */
export const OUTPUT_MARKER = ".casebook-output";

/**
 * The identity of an output's marker file (device, inode, times): every update, every swap and every
 * swap of the search index replaces the marker, so a stamp that is unchanged means that none of them
 * happened meanwhile. Empty when there is no marker.
 */
export function markerStamp(out: string): string {
  const stat = statSync(join(out, OUTPUT_MARKER), { bigint: true, throwIfNoEntry: false });
  return stat ? `${stat.dev}:${stat.ino}:${stat.mtimeNs}:${stat.ctimeNs}` : "";
}
