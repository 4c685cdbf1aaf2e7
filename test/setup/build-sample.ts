import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    sampleOut: string;
  }
}

/**
 * Builds the bundled sample casebook once per test run with the real binary, so every test that
 * needs a built site or PDF shares it. Output goes to test/.output/ (ignored by git).
 */
export default function buildSample(project: TestProject): () => void {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const parent = mkdtempSync(join(tmpdir(), "casebook-sample-"));
  const out = join(parent, "dist");
  execFileSync(process.execPath, ["bin/casebook.js", "build", "--out", out], {
    cwd: root,
    stdio: "inherit",
    // A fixed date, time zone and locale: test/safety-reproducible.test.ts builds again under others.
    env: { ...process.env, SOURCE_DATE_EPOCH: "1767225600", TZ: "UTC", LANG: "C", LC_ALL: "C" },
  });
  project.provide("sampleOut", out);
  return () => rmSync(parent, { recursive: true, force: true });
}
