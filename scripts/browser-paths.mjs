// Where a system Chrome or Chromium is looked for, in order. Shared by the install step
// (scripts/ensure-browser.mjs) and the runtime lookup (src/browser/find-browser.ts).
export function systemBrowserPaths(env = process.env) {
  const named = [env.CASEBOOK_CHROMIUM, env.PUPPETEER_EXECUTABLE_PATH].filter(Boolean);
  return [
    ...named,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome-stable",
    "/usr/bin/google-chrome",
    "/snap/bin/chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
  ];
}
