import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { threadsFor } from "./thread-count.js";
import type { Casebook, CaseEntry } from "../link/casebook-model.js";
import { caseMarkdown, portableCasebook, type CaseMarkdown, type PortableCasebook } from "../link/portable-casebook.js";
import type { RenderedPage, SiteOptions } from "../site/render-site.js";

/** Cases to render for each worker thread at least: below that, a thread costs more to start than it saves. */
export const PARALLEL_RENDER_MIN_CASES = 48;

/** Threads by default on a machine with many CPUs (`--threads` may ask for more). */
export const DEFAULT_RENDER_THREADS = 8;

/** The threads that render `cases` case pages (`asked`: `--threads`); 1 renders in the build's own thread. */
export function renderThreads(cases: number, asked?: number): number {
  // At most DEFAULT_RENDER_THREADS unless asked: each holds a copy of the casebook.
  return threadsFor(cases, PARALLEL_RENDER_MIN_CASES, asked ?? Math.min(availableParallelism(), DEFAULT_RENDER_THREADS));
}

/** Cases sent to a worker at once. */
const BATCH = 8;

/**
 * How far (in cases) the workers may run ahead of the pages the build has taken: their answers
 * hold the HTML of searchable pages until the search index takes it.
 */
const AHEAD = 512;

/** A page a worker rendered and wrote: its HTML comes back only when the search index needs it. */
export type WorkerPage = Omit<RenderedPage, "html"> & { html?: string };

export interface RenderWorkerData {
  book: PortableCasebook;
  related: [id: string, related: string[]][];
  options: Omit<SiteOptions, "related">;
  siteDir: string;
}

export interface RenderJob {
  batch: number;
  cases: { id: string; markdown: CaseMarkdown }[];
}

/** What a worker is sent: first the casebook, once, then batches of cases. */
export type RenderMessage = { setup: RenderWorkerData } | RenderJob;

export type RenderReply = { batch: number; cases: WorkerPage[][] } | { batch: number; error: { message: string; stack: string } };

export class RenderWorkerError extends Error {
  override name = "RenderWorkerError";
}

interface Queued {
  entry: CaseEntry;
  resolve: (pages: WorkerPage[]) => void;
  reject: (error: Error) => void;
}

/**
 * Renders case pages in worker threads, which write them into the site folder. The threads start
 * (and load the renderer) when the pool is made, and are given the casebook by `start`, so a build
 * can make the pool before it has loaded the cases. Cases are queued
 * in the casebook's order and handed out in batches to whichever worker is free, never more than
 * `AHEAD` cases beyond the last one whose pages were asked for, so memory stays bounded whatever
 * the size of the casebook. Any failure rejects every case still pending; `close()` stops the
 * workers and must always be called.
 */
export class RenderPool {
  readonly #queue: Queued[] = [];
  readonly #inFlight = new Map<number, Queued[]>();
  readonly #idle: Worker[] = [];
  readonly #workers: Worker[] = [];
  #queued = 0;
  #sent = 0;
  #taken = 0;
  #batches = 0;
  #failure: Error | undefined;
  #started = false;

  constructor(threads: number) {
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(new URL("./render-worker.js", import.meta.url));
      worker.on("message", (reply: RenderReply) => this.#answered(worker, reply));
      worker.once("error", (error) => this.#fail(new RenderWorkerError(`a rendering thread failed: ${error.message}`)));
      worker.once("exit", (code) => {
        if (code !== 0) this.#fail(new RenderWorkerError(`a rendering thread stopped with code ${code}`));
      });
      this.#workers.push(worker);
      this.#idle.push(worker);
    }
  }

  get threads(): number {
    return this.#workers.length;
  }

  /** Gives every thread the casebook the cases come from; called once, before `render`. */
  start(book: Casebook, options: SiteOptions, siteDir: string): void {
    if (this.#started) throw new RenderWorkerError("the rendering threads were given a casebook twice");
    this.#started = true;
    const { related, ...rest } = options;
    const setup: RenderWorkerData = {
      book: portableCasebook(book),
      related: [...related].map(([id, others]) => [id, others.map((other) => other.id)]),
      options: rest,
      siteDir,
    };
    for (const worker of this.#workers) worker.postMessage({ setup } satisfies RenderMessage);
  }

  /**
   * Queues the pages of a case. The returned function, called in the order the cases were
   * queued, waits for the case's pages (and lets the workers go further ahead).
   */
  render(entry: CaseEntry): () => Promise<WorkerPage[]> {
    if (!this.#started) throw new RenderWorkerError("the rendering threads were asked for pages before they had a casebook");
    const index = this.#queued++;
    const pages = new Promise<WorkerPage[]>((resolve, reject) => {
      if (this.#failure) reject(this.#failure);
      else this.#queue.push({ entry, resolve, reject });
    });
    pages.catch(() => undefined);
    // The first batches leave at once: the workers start while the build does other work.
    this.#dispatch();
    return () => {
      this.#taken = Math.max(this.#taken, index + 1);
      this.#dispatch();
      return pages;
    };
  }

  /** Stops the workers (their pages are written; nothing is lost by stopping them). */
  async close(): Promise<void> {
    this.#fail(new RenderWorkerError("the rendering threads were stopped"));
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  #dispatch(): void {
    while (this.#idle.length && this.#queue.length && this.#sent < this.#taken + AHEAD) {
      const cases = this.#queue.splice(0, Math.min(BATCH, this.#taken + AHEAD - this.#sent));
      this.#sent += cases.length;
      const batch = this.#batches++;
      this.#inFlight.set(batch, cases);
      const job: RenderJob = { batch, cases: cases.map(({ entry }) => ({ id: entry.id, markdown: caseMarkdown(entry) })) };
      this.#idle.pop()!.postMessage(job satisfies RenderMessage);
    }
  }

  #answered(worker: Worker, reply: RenderReply): void {
    if ("error" in reply) {
      const error = new RenderWorkerError(reply.error.message);
      error.stack = reply.error.stack;
      this.#fail(error);
      return;
    }
    const cases = this.#inFlight.get(reply.batch);
    this.#inFlight.delete(reply.batch);
    cases?.forEach((queued, i) => queued.resolve(reply.cases[i]!));
    this.#idle.push(worker);
    this.#dispatch();
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const queued of [...this.#queue, ...[...this.#inFlight.values()].flat()]) queued.reject(this.#failure);
    this.#queue.length = 0;
    this.#inFlight.clear();
    this.#idle.length = 0;
  }
}
