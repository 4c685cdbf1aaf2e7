import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { ProjectError } from "./open-project.js";

/** Every Casebook output folder carries this file; no other folder is ever replaced. */
export const OUTPUT_MARKER = ".casebook-output";

/**
 * Writes a build into a fresh folder beside `out` and swaps it in only when `write` succeeds, so
 * a failed or interrupted build leaves the previous output exactly as it was.
 */
export async function writeAtomically(out: string, write: (dir: string) => Promise<void>): Promise<void> {
  const target = resolve(out);
  assertReplaceable(target);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  const staging = join(parent, `.${basename(target)}.tmp-${suffix}`);
  mkdirSync(staging);
  try {
    writeFileSync(join(staging, OUTPUT_MARKER), "This folder is written by `casebook build`; it is replaced on every build.\n");
    await write(staging);
    const previous = join(parent, `.${basename(target)}.old-${suffix}`);
    const hadPrevious = existsSync(target);
    if (hadPrevious) renameSync(target, previous);
    renameSync(staging, target);
    if (hadPrevious) rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Refuses to replace a folder that Casebook did not write (`.`, `cases/`, a home folder…). */
export function assertReplaceable(target: string): void {
  if (!existsSync(target)) return;
  const entries = readdirSync(target);
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return;
  throw new ProjectError(
    `${target} is not empty and was not written by Casebook, so it will not be replaced.`,
    "Choose an empty or new folder with --out, or delete that folder yourself if you are sure.",
  );
}
