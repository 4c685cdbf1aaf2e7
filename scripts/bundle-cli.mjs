// Bundles the compiled CLI (lib/src, from `tsc -p tsconfig.build.json`) into lib/bundle/, which
// bin/casebook.js runs. Node resolves, reads and links ES modules one file at a time: the CLI
// loaded about 740 of them for a one-case build (zod's 64 locales alone are 128 loads), which cost
// a quarter to a half second of every command and of every worker thread's start. Bundled, each
// command's code still loads only when the command runs (the dynamic imports become chunks).
//
// Every file lands in the one folder, chunks included, so that a module's `import.meta.url` still
// finds its siblings: the worker scripts (`new URL("./render-worker.js", import.meta.url)`) and the
// detached search job. Puppeteer and Pagefind stay outside: they find their browser and binary from
// their own package folders.
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = join(root, "lib", "bundle");
const source = (file) => join(root, "lib", "src", file);

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    main: source("cli/main.js"),
    "render-worker": source("build/render-worker.js"),
    "check-worker": source("build/check-worker.js"),
    "output-check-worker": source("cache/output-check-worker.js"),
    "index-job": source("search/index-job.js"),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["puppeteer", "pagefind"],
  // CommonJS packages inside the bundle (gray-matter, @babel/code-frame…) call `require` for Node's
  // own modules; an ES module has none unless it is made.
  banner: { js: 'import { createRequire as __casebookRequire } from "node:module"; const require = __casebookRequire(import.meta.url);' },
  legalComments: "linked",
  logLevel: "warning",
});
