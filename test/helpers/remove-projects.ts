import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

/**
 * Waits until the search index a build left to the background (if any) is in place: a build
 * whose pages all came from the cache returns while a detached job still writes the index.
 */
export async function searchSettled(project: string): Promise<void> {
  const jobs = join(project, ".casebook-cache", "search-jobs");
  for (let waited = 0; existsSync(jobs) && readdirSync(jobs).length > 0; waited += 100) {
    if (waited > 90_000) throw new Error("the background search index did not finish");
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * Removes temporary projects once no background search job writes into them any more (removing
 * a folder while the job adds files to it fails with ENOTEMPTY). The background removal of a
 * replaced output (`/bin/rm` on `.dist.trash-…`) may still run beside it, hence the retries.
 */
export async function removeProjects(dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) {
    await searchSettled(dir);
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  }
}
