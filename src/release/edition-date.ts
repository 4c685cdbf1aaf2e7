import { spawnSync } from "node:child_process";

/**
 * The date of an edition, so that rebuilding it later gives the same bytes: SOURCE_DATE_EPOCH when
 * set, else the date of the commit the project is at (git), else now. ISO 8601 to the second, UTC.
 */
export function editionDate(cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env["SOURCE_DATE_EPOCH"];
  if (epoch && /^\d+$/.test(epoch)) return iso(new Date(Number(epoch) * 1000));
  const git = spawnSync("git", ["log", "-1", "--format=%ct", "HEAD"], { cwd, encoding: "utf8", timeout: 10_000 });
  const seconds = git.status === 0 ? git.stdout.trim() : "";
  if (/^\d+$/.test(seconds)) return iso(new Date(Number(seconds) * 1000));
  return iso(new Date());
}

function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
