/**
 * The detached process that builds a deferred search index: `node index-job.js <job.json>`.
 * It reports nothing; the job file is removed when it ends, whatever happened.
 */
import { readFileSync, rmSync } from "node:fs";
import { runIndexJob, type IndexJob } from "./deferred-index.js";

const file = process.argv[2];
if (file) {
  try {
    await runIndexJob(JSON.parse(readFileSync(file, "utf8")) as IndexJob);
  } catch {
    // The output keeps its previous index; the next build indexes in full (the record stays pending).
  } finally {
    rmSync(file, { force: true });
  }
}
