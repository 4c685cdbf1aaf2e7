import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openProject, requireCasesDir } from "../build/open-project.js";
import { formatPretty } from "../diagnostics/format-pretty.js";
import { startDevServer, watchPaths } from "../dev/dev-server.js";
import { PreviewSite } from "../dev/preview-site.js";
import { CONFIG_FILES } from "../load/load-config.js";
import { PACKAGE_ROOT } from "../paths/package-root.js";
import type { CliIO } from "./io.js";
import { useColor } from "./io.js";
import { UsageError } from "./usage.js";

/** `casebook dev`: a preview on 127.0.0.1 that rebuilds what changed and reloads open pages. */
export async function devCommand(args: string[], io: CliIO, signal?: AbortSignal): Promise<number> {
  const { values } = parseArgs({ args, options: { port: { type: "string", default: "4321" }, cases: { type: "string" } }, strict: true, allowPositionals: false });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${values.port}".`);
  const project = openProject({ cwd: io.cwd, cases: values.cases });
  requireCasesDir(project);
  const dir = mkdtempSync(join(tmpdir(), "casebook-preview-"));
  const site = new PreviewSite(io.cwd, dir, values.cases, (pages, ms) => io.stdout(`casebook dev: search index updated (${pages} pages) in ${Math.round(ms)} ms\n`));
  const server = await startDevServer(dir, port);
  let queue = Promise.resolve();
  const rebuild = (changed?: string[]) => {
    queue = queue.then(async () => {
      const started = performance.now();
      try {
        const result = await site.update(changed);
        if (!result.ok) {
          const text = formatPretty(result.diagnostics, { color: false, sources: result.sources }) || "The casebook has no configuration (casebook.config.yaml).";
          io.stderr(formatPretty(result.diagnostics, { color: useColor(io), sources: result.sources }));
          server.problems(text);
          return;
        }
        server.reload();
        const what = result.full ? "the whole site" : `${result.updated.length} case(s): ${result.updated.join(", ")}`;
        io.stdout(`casebook dev: rebuilt ${what} in ${Math.round(performance.now() - started)} ms\n`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        io.stderr(`casebook dev: the rebuild failed: ${message}\n`);
        server.problems(`The rebuild failed: ${message}`);
      }
    });
    return queue;
  };
  await rebuild();
  io.stdout(`casebook dev: serving the preview at ${server.url}/ (drafts included; Ctrl+C to stop)\n`);
  const watched = [project.casesDir, project.vocabulariesDir, join(io.cwd, "themes"), join(PACKAGE_ROOT, "themes"), join(io.cwd, "book"), ...CONFIG_FILES.map((f) => join(io.cwd, f))];
  const stopWatching = watchPaths(watched.filter((p) => existsSync(p)), (changed) => void rebuild(changed));
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    signal?.addEventListener("abort", stop);
  });
  stopWatching();
  await queue;
  await site.stop();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  return 0;
}
