#!/usr/bin/env node
// Entry point: the compiled CLI lives in lib/ (built by `npm run prepare`, which `npm ci` runs).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("../lib/src/cli/main.js", import.meta.url));
if (!existsSync(main)) {
  process.stderr.write(
    "casebook: the compiled CLI is missing (lib/src/cli/main.js).\n" +
      "Run `npm ci` (or `npm run prepare`) in the Casebook folder first.\n",
  );
  process.exit(2);
}
const { run } = await import(main);
process.exitCode = await run(process.argv.slice(2));
