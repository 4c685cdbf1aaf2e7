import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { PACKAGE_ROOT } from "../paths/package-root.js";

/** No Chromium could be found: the message says exactly what to do. */
export class BrowserMissingError extends Error {
  override name = "BrowserMissingError";
  readonly hint =
    "Install one: `sudo apt-get install -y chromium` (Debian/Ubuntu) or `npx puppeteer browsers install chrome`, " +
    "or point CASEBOOK_CHROMIUM at an existing Chrome/Chromium binary.";
  constructor(message = "No Chrome or Chromium browser was found; Casebook needs one to print PDFs.") {
    super(message);
  }
}

/**
 * The browser to drive: CASEBOOK_CHROMIUM or PUPPETEER_EXECUTABLE_PATH, a system Chromium (the same
 * list the install step uses), then Puppeteer's own downloaded Chrome.
 */
export async function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  sources: { systemPaths?: string[]; downloaded?: () => string | undefined } = {},
): Promise<string> {
  // A browser the user named explicitly is never silently replaced by another one.
  const named = env["CASEBOOK_CHROMIUM"];
  if (named && !existsSync(named)) throw new BrowserMissingError(`CASEBOOK_CHROMIUM names ${named}, which does not exist; Casebook needs a Chrome or Chromium browser to print PDFs.`);
  const candidates = sources.systemPaths ?? (await systemBrowserPaths(env));
  for (const candidate of candidates) if (existsSync(candidate)) return candidate;
  const downloaded = (sources.downloaded ?? puppeteerDownload)();
  if (downloaded && existsSync(downloaded)) return downloaded;
  throw new BrowserMissingError();
}

async function systemBrowserPaths(env: NodeJS.ProcessEnv): Promise<string[]> {
  const listing = pathToFileURL(join(PACKAGE_ROOT, "scripts", "browser-paths.mjs")).href;
  const module = (await import(listing)) as { systemBrowserPaths: (env: NodeJS.ProcessEnv) => string[] };
  return module.systemBrowserPaths(env);
}

function puppeteerDownload(): string | undefined {
  try {
    return (createRequire(import.meta.url)("puppeteer") as { executablePath(): string }).executablePath();
  } catch {
    return undefined;
  }
}
