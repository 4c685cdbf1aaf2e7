import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize } from "node:path";
import { contentType } from "../../src/dev/content-types.js";

export interface StaticServer {
  url: string;
  /** Paths requested that did not exist (answered with 404.html). */
  missing: string[];
  close(): Promise<void>;
}

/** Serves a built site on 127.0.0.1 like a static host: `/x/` → `/x/index.html`, 404.html otherwise. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const missing: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) file = join(root, "404.html");
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    let status = 200;
    if (!existsSync(file)) {
      missing.push(path);
      status = 404;
      file = join(root, "404.html");
    }
    // Like a static host (GitHub Pages sends max-age=600): a tab that goes from page to page loads
    // the stylesheets, scripts and fonts once. Pages themselves are always fetched again.
    const cache = status === 200 && !file.endsWith(".html") ? "max-age=600" : "no-cache";
    response.writeHead(status, { "content-type": contentType(file), "cache-control": cache });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    missing,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
