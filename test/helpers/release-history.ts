import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli, type CliRun } from "./run-cli.js";

/** The fixture history: three states of one casebook, each released as the edition it is named after. */
export const HISTORY = join(import.meta.dirname, "..", "fixtures", "release");
export const EDITIONS = ["2024", "2025", "2025.1"] as const;
/** Each edition's SOURCE_DATE_EPOCH: 2024-01-01, 2025-01-01 and 2025-07-01, midnight UTC. */
export const EPOCHS: Record<string, string> = { "2024": "1704067200", "2025": "1735689600", "2025.1": "1751328000" };

/** A fresh project folder holding the state of the casebook at `edition` (its cases and config). */
export function projectAt(edition: string, dir = mkdtempSync(join(tmpdir(), "casebook-release-"))): string {
  rmSync(join(dir, "cases"), { recursive: true, force: true });
  cpSync(join(HISTORY, edition, "cases"), join(dir, "cases"), { recursive: true });
  cpSync(join(HISTORY, edition, "casebook.config.yaml"), join(dir, "casebook.config.yaml"));
  return dir;
}

/** `casebook release <edition>` in `dir`, dated by the edition's epoch. */
export function release(dir: string, edition: string, args: string[] = ["--no-pdf"]): CliRun {
  return runCli(["release", edition, ...args], dir, { SOURCE_DATE_EPOCH: EPOCHS[edition] ?? "1704067200" });
}
