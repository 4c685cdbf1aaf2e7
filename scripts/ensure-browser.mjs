#!/usr/bin/env node
// Runs after `npm ci` / `npm install`: makes sure a Chromium exists for the PDF and browser tests.
// Order: a browser named by the environment or installed on the system; Puppeteer's own download
// (where the network allows it); Debian's `chromium` package through apt (only when running as
// root); otherwise it says exactly what to do. It never fails the install: commands that need a
// browser fail later with the same advice.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { systemBrowserPaths } from "./browser-paths.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const say = (line) => process.stdout.write(`casebook: ${line}\n`);

function found() {
  for (const candidate of systemBrowserPaths()) if (existsSync(candidate)) return candidate;
  try {
    const require = createRequire(import.meta.url);
    const puppeteer = require("puppeteer");
    const downloaded = puppeteer.executablePath();
    if (downloaded && existsSync(downloaded)) return downloaded;
  } catch {
    // Puppeteer not installed yet or no downloaded browser: keep looking.
  }
  return undefined;
}

function run(command, args, timeoutMs) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", timeout: timeoutMs });
  return result.status === 0;
}

if (process.env.CASEBOOK_SKIP_BROWSER === "1") {
  say("CASEBOOK_SKIP_BROWSER=1: not looking for a browser (PDF output and browser tests will not run).");
  process.exit(0);
}

let browser = found();
if (browser) {
  say(`using the browser at ${browser}`);
  process.exit(0);
}

say("no Chromium found; trying Puppeteer's own download of Chrome…");
const cli = fileURLToPath(new URL("../node_modules/puppeteer/lib/cjs/puppeteer/node/cli.js", import.meta.url));
if (existsSync(cli) && run(process.execPath, [cli, "browsers", "install", "chrome"], 180_000)) {
  browser = found();
  if (browser) {
    say(`using the browser at ${browser}`);
    process.exit(0);
  }
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (process.platform === "linux" && isRoot && existsSync("/usr/bin/apt-get")) {
  say("Puppeteer's download is not available; installing Debian's chromium with apt-get…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (args) => spawnSync("apt-get", args, { stdio: "inherit", env, timeout: 900_000 }).status === 0;
  if (apt(["update", "-qq"]) && apt(["install", "-y", "-qq", "chromium"])) {
    browser = found();
    if (browser) {
      say(`using the browser at ${browser}`);
      process.exit(0);
    }
  }
}

process.stdout.write(
  [
    "",
    "casebook: WARNING: no Chromium could be found or installed. `casebook check` works without one,",
    "but printing PDFs and the browser tests need it. Do one of these, then run the command again:",
    "  • Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium",
    "  • Any system with network access:  npx puppeteer browsers install chrome",
    "  • An existing Chrome or Chromium:  export CASEBOOK_CHROMIUM=/path/to/chrome",
    "",
  ].join("\n"),
);
