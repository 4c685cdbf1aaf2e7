import { parentPort } from "node:worker_threads";
import { casebookFromPortable } from "../link/portable-casebook.js";
import { renderCasePages } from "../site/render-site.js";
import type { RenderMessage, RenderReply, RenderWorkerData } from "./render-pool.js";
import { siteWriter } from "./site-writer.js";

// A worker thread of `casebook build`: it loads the renderer as soon as it starts, is given the
// casebook (without bodies) once, then renders the pages of the cases it is sent, writes them into
// the site folder and answers with what the main thread needs of them (no HTML but the searchable).
let ready: ReturnType<typeof prepare> | undefined;

function prepare(data: RenderWorkerData) {
  const book = casebookFromPortable(data.book);
  const related = new Map(data.related.map(([id, others]) => [id, others.map((other) => book.byId.get(other)!)]));
  return { book, options: { ...data.options, related }, write: siteWriter(data.siteDir).write };
}

parentPort!.on("message", (message: RenderMessage) => {
  if ("setup" in message) {
    ready = prepare(message.setup);
    return;
  }
  let reply: RenderReply;
  try {
    if (!ready) throw new Error("a batch of cases came before the casebook");
    const { book, options, write } = ready;
    reply = {
      batch: message.batch,
      cases: message.cases.map(({ id, markdown }) =>
        book.withMarkdown(id, markdown, () =>
          renderCasePages(book, book.byId.get(id)!, options).map(({ html, ...page }) => {
            write(page.file, html);
            return page.searchable ? { ...page, html } : page;
          }),
        ),
      ),
    };
  } catch (error) {
    reply = { batch: message.batch, error: error instanceof Error ? { message: error.message, stack: error.stack ?? "" } : { message: String(error), stack: "" } };
  }
  parentPort!.postMessage(reply);
});
