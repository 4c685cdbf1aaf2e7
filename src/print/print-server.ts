import { readFileSync, realpathSync } from "node:fs";
import { extname, join, relative, isAbsolute } from "node:path";
import type { Page, Protocol } from "puppeteer";
import type { Casebook } from "../link/casebook-model.js";
import { BOOK_URL } from "./print-context.js";
import { withBookFonts, type FontFace } from "./svg-fonts.js";


const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".woff2": "font/woff2",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
};

export interface BookFiles {
  book: Casebook;
  /** The theme's print.css. */
  printCss: string;
  /** Font files by name (from `fontFaces`). */
  fonts: ReadonlyMap<string, string>;
  /** The folder of the book's front matter (`book/`), for images of the introduction. */
  bookDir?: string | undefined;
  /** The theme's fonts, inlined into SVG images (see `svg-fonts.ts`). */
  faces: readonly FontFace[];
}

/**
 * Serves the book to one tab from memory and from the case folders: `/<name>.html` (the current
 * document), `/print.css`, `/fonts/<file>`, `/media/<case>/<file>` (only the files the case lists) and
 * `/book/<file>`. Every other request is refused, so printing never touches the network.
 */
export async function serveBook(page: Page, files: BookFiles, documentFor: (path: string) => string | undefined): Promise<void> {
  // The DevTools protocol's Fetch domain, on a session of this tab's own: Puppeteer's request
  // interception does the same, but encodes every body in base64 in JavaScript, a character at a
  // time (1.5 s of this thread for a 400-case book, while Chromium waits for its fonts and images).
  const session = await page.createCDPSession();
  session.on("Fetch.requestPaused", (event: Protocol.Fetch.RequestPausedEvent) => {
    const body = answer(event.request.url, files, documentFor);
    const reply = body
      ? session.send("Fetch.fulfillRequest", fulfilment(event.requestId, body))
      : session.send("Fetch.failRequest", { requestId: event.requestId, errorReason: "BlockedByClient" });
    void reply.catch(() => undefined);
  });
  await session.send("Fetch.enable", { patterns: [{ urlPattern: "*" }] });
}

function fulfilment(requestId: string, body: { type: string; content: string | Buffer }): Protocol.Fetch.FulfillRequestRequest {
  const bytes = typeof body.content === "string" ? Buffer.from(body.content, "utf8") : body.content;
  return {
    requestId,
    responseCode: 200,
    responseHeaders: [
      { name: "Content-Type", value: body.type },
      { name: "Content-Length", value: String(bytes.length) },
    ],
    body: bytes.toString("base64"),
  };
}

function answer(url: string, files: BookFiles, documentFor: (path: string) => string | undefined): { type: string; content: string | Buffer } | undefined {
  if (!url.startsWith(`${BOOK_URL}/`)) return undefined;
  const path = decodeURIComponent(new URL(url).pathname);
  const type = TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
  if (path === "/print.css") return { type, content: files.printCss };
  if (path.endsWith(".html")) {
    const html = documentFor(path);
    return html === undefined ? undefined : { type, content: html };
  }
  const font = /^\/fonts\/([^/]+)$/.exec(path)?.[1];
  if (font) {
    const source = files.fonts.get(font);
    return source ? { type, content: readFileSync(source) } : undefined;
  }
  const media = /^\/media\/([^/]+)\/(.+)$/.exec(path);
  if (media) {
    const entry = files.book.byId.get(media[1] ?? "");
    const file = media[2] ?? "";
    if (!entry || entry.assets.get(file) !== "file") return undefined;
    return { type, content: image(join(entry.folder, file), path, type, files) };
  }
  const bookFile = /^\/book\/(.+)$/.exec(path)?.[1];
  if (bookFile && files.bookDir) {
    const target = safeJoin(files.bookDir, bookFile);
    return target ? { type, content: image(target, path, type, files) } : undefined;
  }
  return undefined;
}

/** The file at `source`, served as `path`; an SVG image gets the book's fonts (see `svg-fonts.ts`). */
function image(source: string, path: string, type: string, files: BookFiles): string | Buffer {
  return type.startsWith("image/svg") ? withBookFonts(readFileSync(source, "utf8"), files.faces, files.fonts, path) : readFileSync(source);
}

/** A file inside `dir` (after following links), or undefined for anything that leaves it. */
function safeJoin(dir: string, file: string): string | undefined {
  try {
    const root = realpathSync(dir);
    const target = realpathSync(join(root, file));
    const rel = relative(root, target);
    return rel && !rel.startsWith("..") && !isAbsolute(rel) ? target : undefined;
  } catch {
    return undefined;
  }
}
