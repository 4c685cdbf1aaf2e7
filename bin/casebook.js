#!/usr/bin/env node
// Entry point: the CLI runs from lib/bundle/ (built by `npm run prepare`, which `npm ci` runs:
// `tsc` into lib/src/, then scripts/bundle-cli.mjs). CASEBOOK_UNBUNDLED=1 runs lib/src/ instead,
// module by module, for CPU profiles that tell Casebook's own functions from its packages'.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = process.env.CASEBOOK_UNBUNDLED === "1" ? "../lib/src/cli/main.js" : "../lib/bundle/main.js";
const main = fileURLToPath(new URL(entry, import.meta.url));
if (!existsSync(main)) {
  process.stderr.write(
    `casebook: the compiled CLI is missing (${entry.slice(3)}).\n` +
      "Run `npm ci` (or `npm run prepare`) in the Casebook folder first.\n",
  );
  process.exit(2);
}
const { run } = await import(main);
process.exitCode = await run(process.argv.slice(2));
