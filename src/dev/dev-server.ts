import { createReadStream, existsSync, readFileSync, statSync, watch, type FSWatcher } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize, resolve } from "node:path";
import { DEV_CLIENT } from "./client-script.js";
import { contentType } from "./content-types.js";

export interface DevServer {
  url: string;
  port: number;
  /** Tells every open page to reload. */
  reload(): void;
  /** Shows these problems over every open page (plain text with code frames). */
  problems(text: string): void;
  close(): Promise<void>;
}

/**
 * Serves the preview folder on 127.0.0.1, adds the live-reload script to every HTML page, and
 * pushes reloads and problems to the pages over server-sent events. Tries the next ports when the
 * asked one is busy.
 */
export async function startDevServer(root: string, port: number): Promise<DevServer> {
  const clients = new Set<ServerResponse>();
  let lastProblems: string | undefined;
  const send = (event: string, data: unknown) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const server = createServer((request, response) => handle(request, response));
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const path = safePath(request.url ?? "/");
    if (path === "/__casebook/events") {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      response.write(": connected\n\n");
      clients.add(response);
      if (lastProblems !== undefined) response.write(`event: problems\ndata: ${JSON.stringify({ text: lastProblems })}\n\n`);
      request.on("close", () => clients.delete(response));
      return;
    }
    if (path === "/__casebook/client.js") {
      response.writeHead(200, { "content-type": contentType(".js"), "cache-control": "no-store" });
      response.end(DEV_CLIENT);
      return;
    }
    let file = join(root, normalize(path));
    if (!resolve(file).startsWith(resolve(root))) file = join(root, "404.html");
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    const found = existsSync(file);
    if (!found) file = join(root, "404.html");
    const type = contentType(file);
    if (!existsSync(file)) {
      response.writeHead(404, { "content-type": contentType(".html") });
      response.end(`<!doctype html><title>Building…</title><script src="/__casebook/client.js"></script><p>The preview is being built.</p>`);
      return;
    }
    response.writeHead(found ? 200 : 404, { "content-type": type, "cache-control": "no-store" });
    if (type.startsWith("text/html")) {
      const html = readFileSync(file, "utf8");
      response.end(html.replace("</body>", `<script src="/__casebook/client.js"></script></body>`));
    } else createReadStream(file).pipe(response);
  };
  const bound = await listen(server, port);
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    reload() {
      lastProblems = undefined;
      send("reload", {});
    },
    problems(text) {
      lastProblems = text;
      send("problems", { text });
    },
    close: () =>
      new Promise((done) => {
        for (const client of clients) client.end();
        server.close(() => done());
      }),
  };
}

async function listen(server: Server, first: number): Promise<number> {
  for (let port = first; port < first + 20; port++) {
    const ok = await new Promise<boolean>((done) => {
      server.once("error", () => done(false));
      server.listen(port, "127.0.0.1", () => done(true));
    });
    if (ok) return (server.address() as AddressInfo).port;
  }
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return (server.address() as AddressInfo).port;
}

function safePath(url: string): string {
  try {
    return decodeURIComponent(new URL(url, "http://localhost").pathname);
  } catch {
    return "/";
  }
}

/** Watches folders and files; calls back with the changed paths, debounced. */
export function watchPaths(paths: readonly string[], onChange: (changed: string[]) => void, delayMs = 120): () => void {
  const watchers: FSWatcher[] = [];
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const recursive = statSync(path).isDirectory();
    watchers.push(
      watch(path, { recursive }, (_event, name) => {
        pending.add(name ? join(path, name.toString()) : path);
        clearTimeout(timer);
        timer = setTimeout(() => {
          const changed = [...pending];
          pending = new Set();
          onChange(changed);
        }, delayMs);
      }),
    );
  }
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
