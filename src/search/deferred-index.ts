import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { besideOutput, outputLockPath, renewMarker } from "../build/atomic-output.js";
import { withOutputLock } from "../build/output-lock.js";
import { forgetBuild, listOutput, readBuildRecord, writeBuildRecord } from "../cache/build-record.js";
import { indexRecordPath, recordedShards, writeIndexRecord } from "./index-record.js";
import { SearchIndexer } from "./search-index.js";
import { changedShards, linkShard } from "./search-shards.js";

/** A search index to build after the command has returned: which pages, in which site. */
export interface IndexJob {
  /** The output folder and the build (its cache key) the index belongs to. */
  out: string;
  key: string;
  cacheDir: string;
  /** The pages to index, in the order the build produced them (the index is the same as a build's own). */
  pages: { path: string; file: string }[];
}

/**
 * Writes the job into the cache and starts a detached process that runs it, so the command can
 * return while Pagefind indexes. The site keeps its previous index until the new one is swapped in.
 */
export function startIndexJob(job: IndexJob): void {
  const dir = join(job.cacheDir, "search-jobs");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${job.key}.json`);
  writeFileSync(file, JSON.stringify(job));
  const here = fileURLToPath(import.meta.url);
  const script = join(dirname(here), `index-job${extname(here)}`);
  const child = spawn(process.execPath, [...process.execArgv, script, file], { detached: true, stdio: "ignore" });
  child.unref();
}

/**
 * Indexes the job's pages, then, under the output's lock, swaps the new index in for the old one
 * and marks the build complete — unless another build has replaced the output meanwhile.
 */
export async function runIndexJob(job: IndexJob): Promise<void> {
  const site = join(job.out, "site");
  const live = join(site, "pagefind");
  const indexRecord = indexRecordPath(job.cacheDir, job.out);
  const read = (page: { file: string }) => readFileSync(join(site, page.file), "utf8");
  // Only the shards whose pages changed are made again, when the output's index is the one recorded.
  const only = changedShards(recordedShards(indexRecord, live), job.pages, read);
  const search = new SearchIndexer(job.pages.length, only);
  try {
    for (const page of job.pages) await search.add(page.path, read(page));
  } catch (error) {
    await search.abort();
    throw error;
  }
  // Staged beside the output, like a build's own folder, so that the published site only ever
  // holds a finished index; renamed in (same filesystem), the old one renamed out and removed.
  const next = besideOutput(job.out, "search");
  try {
    await search.writeTo(next, (n, target) => linkShard(live, n, target));
  } catch (error) {
    rmSync(next, { recursive: true, force: true });
    throw error;
  }
  const old = besideOutput(job.out, "trash");
  // The lock of the output folder (see atomic-output.ts): no build swaps the output while this runs.
  withOutputLock(outputLockPath(job.out), () => {
    const record = readBuildRecord(job.cacheDir, job.out);
    if (!record || record.key !== job.key || !record.searchPending) return;
    if (existsSync(live)) renameSync(live, old);
    renameSync(next, live);
    writeIndexRecord(indexRecord, live, search.shardPages());
    // A build that is updating this output in place started from the previous index: it must see the change.
    renewMarker(job.out);
    const listing = listOutput(job.out);
    if (listing) writeBuildRecord(job.cacheDir, { ...record, searchPending: false, ...listing });
    else forgetBuild(job.cacheDir, job.out);
  });
  // What is left aside is this job's own (the index it did not swap in, or the one it replaced):
  // removed once the lock is released, so that builds waiting for it do not wait for the removal.
  rmSync(next, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
}
