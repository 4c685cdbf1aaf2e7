import { parentPort, workerData } from "node:worker_threads";
import { casebookFromPortable } from "../link/portable-casebook.js";
import { renderCasePages } from "../site/render-site.js";
import type { RenderJob, RenderReply, RenderWorkerData } from "./render-pool.js";
import { siteWriter } from "./site-writer.js";

// A worker thread of `casebook build`: renders the pages of the cases it is sent, writes them into
// the site folder and answers with what the main thread needs of them (no HTML but the searchable).
const data = workerData as RenderWorkerData;
const book = casebookFromPortable(data.book);
const related = new Map(data.related.map(([id, others]) => [id, others.map((other) => book.byId.get(other)!)]));
const options = { ...data.options, related };
const { write } = siteWriter(data.siteDir);

parentPort!.on("message", (job: RenderJob) => {
  let reply: RenderReply;
  try {
    reply = {
      batch: job.batch,
      cases: job.cases.map(({ id, markdown }) =>
        book.withMarkdown(id, markdown, () =>
          renderCasePages(book, book.byId.get(id)!, options).map(({ html, ...page }) => {
            write(page.file, html);
            return page.searchable ? { ...page, html } : page;
          }),
        ),
      ),
    };
  } catch (error) {
    reply = { batch: job.batch, error: error instanceof Error ? { message: error.message, stack: error.stack ?? "" } : { message: String(error), stack: "" } };
  }
  parentPort!.postMessage(reply);
});
