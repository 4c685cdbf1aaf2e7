import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { OUTPUT_MARKER, outputLockPath, RELEASES_FOLDER, writeAtomically } from "../src/build/atomic-output.js";
import { withOutputLock } from "../src/build/output-lock.js";
import { siteWriter } from "../src/build/site-writer.js";
import { removeScratch, scratchCasebook } from "./fixtures/hostile/scratch-casebook.js";
import { searchSettled } from "./helpers/remove-projects.js";
import { BIN, ROOT, runCli } from "./helpers/run-cli.js";

/**
 * Issue 5, "Nothing lost": a build killed at any moment leaves the previous output as it was (or,
 * killed after its swap, its own complete output), and builds started at once do not corrupt each
 * other. Kill points are random; each assertion message says which delay was used.
 */
afterAll(removeScratch);

/** Content hash of every file under `dir`, by relative path (the output as a reader sees it). */
function hashOutput(dir: string): string {
  const hash = createHash("sha256");
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(`${relative(dir, path)}\0`).update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest("hex");
}

function startBuild(cwd: string, out = "dist") {
  const child = spawn(process.execPath, [BIN, "build", "--no-pdf", "--out", out], { cwd, env: { ...process.env, NO_COLOR: "1", CI: "", SOURCE_DATE_EPOCH: "1767225600" } });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, output })),
  );
  return { child, done };
}

describe("a build killed at a random moment", () => {
  it("leaves the previous output exactly as it was, or its own complete output", async () => {
    const dir = scratchCasebook("casebook-kill-");
    const en = join(dir, "cases/welding-centre/en.md");
    expect(runCli(["build", "--no-pdf"], dir, { SOURCE_DATE_EPOCH: "1767225600" }).code).toBe(0);
    const before = hashOutput(join(dir, "dist"));
    // The next build changes a title, so its output is told apart from the previous one.
    writeFileSync(en, readFileSync(en, "utf8").replace("title: Welding skills centre in Almaty", "title: Welding skills centre in Almaty, revised"));
    const started = performance.now();
    const reference = await startBuild(dir, "reference").done;
    expect(reference.code, reference.output).toBe(0);
    const after = hashOutput(join(dir, "reference"));
    const duration = performance.now() - started;

    for (let round = 0; round < 6; round++) {
      const delay = Math.round(Math.random() * duration * 1.1);
      const { child, done } = startBuild(dir);
      setTimeout(() => child.kill("SIGKILL"), delay);
      const result = await done;
      const now = existsSync(join(dir, "dist")) ? hashOutput(join(dir, "dist")) : "missing";
      const what = `killed after ${delay} ms of ~${Math.round(duration)} ms (${result.signal ?? `exit ${result.code}`})`;
      expect([before, after], what).toContain(now);
      if (now === after) {
        // It finished: put the previous output back for the next round.
        expect(runCli(["build", "--no-pdf"], dir, { SOURCE_DATE_EPOCH: "1767225600" }).code).toBe(0);
        writeFileSync(en, readFileSync(en, "utf8").replace(", revised", ""));
        expect(runCli(["build", "--no-pdf"], dir, { SOURCE_DATE_EPOCH: "1767225600" }).code).toBe(0);
        expect(hashOutput(join(dir, "dist"))).toBe(before);
        writeFileSync(en, readFileSync(en, "utf8").replace("in Almaty", "in Almaty, revised"));
      }
    }
  }, 600_000);

  it("is put back by the next build when the kill fell between the two renames of the swap", async () => {
    const dir = scratchCasebook("casebook-swap-");
    const out = join(dir, "dist");
    await writeAtomically(out, async (d) => writeFileSync(join(d, "page.html"), "previous"));
    // The state a build leaves when killed after moving the output aside, before moving its own in.
    renameSync(out, join(dir, ".dist.old-999999-zzz"));
    mkdirSync(join(dir, ".dist.tmp-999999-zzz"));
    writeFileSync(join(dir, ".dist.tmp-999999-zzz", OUTPUT_MARKER), "");
    await expect(
      writeAtomically(out, async () => {
        throw new Error("this build fails");
      }),
    ).rejects.toThrow("this build fails");
    expect(readFileSync(join(out, "page.html"), "utf8")).toBe("previous");
    expect(readdirSync(dir).filter((n) => n.startsWith(".dist.old"))).toEqual([]);
  });

  it("sweeps the search index of a background job killed over an hour ago, not one still being written", async () => {
    const dir = scratchCasebook("casebook-search-leftover-");
    const out = join(dir, "dist");
    const killed = join(dir, ".dist.search-999999-zzz");
    const running = join(dir, ".dist.search-999998-zzz");
    for (const folder of [killed, running]) {
      mkdirSync(join(folder, "fragment"), { recursive: true });
      writeFileSync(join(folder, "pagefind.js"), "");
    }
    const longAgo = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(killed, longAgo, longAgo);
    await writeAtomically(out, async (d) => writeFileSync(join(d, "page.html"), "built"));
    for (let waited = 0; existsSync(killed) && waited < 10_000; waited += 50) await new Promise((done) => setTimeout(done, 50));
    expect(existsSync(killed)).toBe(false);
    expect(existsSync(join(running, "pagefind.js"))).toBe(true);
  });
});

/** Stand-ins for editions made by `casebook release`, which every build must carry over untouched. */
function writeEditions(out: string): void {
  mkdirSync(join(out, RELEASES_FOLDER, "2024"), { recursive: true });
  writeFileSync(join(out, RELEASES_FOLDER, "2024", "manifest.json"), '{"manifest":1,"version":"2024"}\n');
  writeFileSync(join(out, RELEASES_FOLDER, "2024.tar.gz"), Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]));
}

/** A casebook whose output holds a first build and stand-in editions. */
async function outputWithEditions(prefix: string): Promise<{ dir: string; out: string }> {
  const dir = scratchCasebook(prefix);
  const out = join(dir, "dist");
  await writeAtomically(out, async (d) => writeFileSync(join(d, "page.html"), "first"));
  writeEditions(out);
  return { dir, out };
}

describe("the released editions in the output", () => {
  it("are moved, not copied, into each new output", async () => {
    const { out } = await outputWithEditions("casebook-carry-");
    const inode = statSync(join(out, RELEASES_FOLDER, "2024.tar.gz")).ino;
    const before = hashOutput(join(out, RELEASES_FOLDER));
    await writeAtomically(out, async (d) => writeFileSync(join(d, "page.html"), "second"));
    expect(readFileSync(join(out, "page.html"), "utf8")).toBe("second");
    expect(hashOutput(join(out, RELEASES_FOLDER))).toBe(before);
    expect(statSync(join(out, RELEASES_FOLDER, "2024.tar.gz")).ino).toBe(inode);
  });

  it("stay where they were when the build fails, or when it writes a releases folder of its own", async () => {
    const { dir, out } = await outputWithEditions("casebook-carry-fail-");
    const before = hashOutput(out);
    await expect(writeAtomically(out, async () => Promise.reject(new Error("this build fails")))).rejects.toThrow("this build fails");
    expect(hashOutput(out)).toBe(before);
    await expect(writeAtomically(out, async (d) => mkdirSync(join(d, RELEASES_FOLDER)))).rejects.toThrow(/releases\/ folder/);
    expect(hashOutput(out)).toBe(before);
    expect(readdirSync(dir).filter((n) => n.startsWith(".dist."))).toEqual([]);
  });

  it("are put back with the output when the kill fell after they had moved into the new one", async () => {
    const { dir, out } = await outputWithEditions("casebook-carry-swap-");
    const before = hashOutput(out);
    // Killed after the output went aside and its releases into the staging folder, before the last rename.
    renameSync(out, join(dir, ".dist.old-999999-zzz"));
    mkdirSync(join(dir, ".dist.tmp-999999-zzz"));
    writeFileSync(join(dir, ".dist.tmp-999999-zzz", OUTPUT_MARKER), "");
    renameSync(join(dir, ".dist.old-999999-zzz", RELEASES_FOLDER), join(dir, ".dist.tmp-999999-zzz", RELEASES_FOLDER));
    await expect(writeAtomically(out, async () => Promise.reject(new Error("this build fails")))).rejects.toThrow("this build fails");
    expect(hashOutput(out)).toBe(before);
  });

  it("survive builds killed at random moments", async () => {
    const dir = scratchCasebook("casebook-carry-kill-");
    expect(runCli(["build", "--no-pdf"], dir, { SOURCE_DATE_EPOCH: "1767225600" }).code).toBe(0);
    writeEditions(join(dir, "dist"));
    const before = hashOutput(join(dir, "dist"));
    const started = performance.now();
    expect((await startBuild(dir).done).code).toBe(0);
    const duration = performance.now() - started;
    // Its pages all came from the cache, so its search index follows in the background, written
    // beside the live one inside the output: the output is compared once that job is done.
    await searchSettled(dir);
    // Same sources: a finished build leaves the same output, editions included.
    expect(hashOutput(join(dir, "dist"))).toBe(before);
    for (let round = 0; round < 5; round++) {
      const delay = Math.round(Math.random() * duration * 1.1);
      const { child, done } = startBuild(dir);
      setTimeout(() => child.kill("SIGKILL"), delay);
      const result = await done;
      const what = `killed after ${delay} ms of ~${Math.round(duration)} ms (${result.signal ?? `exit ${result.code}`})`;
      // Killed in the few microseconds of the swap, the output is put back by the next build.
      if (!existsSync(join(dir, "dist"))) expect(runCli(["build", "--no-pdf"], dir, { SOURCE_DATE_EPOCH: "1767225600" }).code, what).toBe(0);
      expect(hashOutput(join(dir, "dist")), what).toBe(before);
    }
  }, 300_000);
});

describe("builds started at once into the same output", () => {
  it("all end cleanly, and the output is one complete build", async () => {
    const dir = scratchCasebook("casebook-concurrent-");
    const reference = runCli(["build", "--no-pdf", "--out", "reference"], dir, { SOURCE_DATE_EPOCH: "1767225600" });
    expect(reference.code).toBe(0);
    const expected = hashOutput(join(dir, "reference"));
    for (let round = 0; round < 2; round++) {
      const results = await Promise.all([startBuild(dir).done, startBuild(dir).done, startBuild(dir).done]);
      for (const r of results) {
        expect(r.code, r.output).toBe(0);
        expect(r.output).not.toMatch(/unexpected error|ENOENT|^\s+at /m);
      }
      await searchSettled(dir);
      expect(hashOutput(join(dir, "dist"))).toBe(expected);
      expect(readdirSync(dir).filter((n) => /^\.dist\.(tmp|old|lock)/.test(n))).toEqual([]);
    }
  }, 300_000);

  it("never hold the lock two at a time, even when several find a dead build's lock at once", async () => {
    const dir = scratchCasebook("casebook-lock-race-");
    const lock = join(dir, ".dist.lock");
    const log = join(dir, "log.txt");
    writeFileSync(lock, "999999999"); // a killed build's lock, found by every process below
    writeFileSync(log, "");
    const lib = pathToFileURL(join(ROOT, "lib/src/build/output-lock.js")).href;
    const script = `
      const { appendFileSync } = await import("node:fs");
      const { withOutputLock } = await import(${JSON.stringify(lib)});
      for (let i = 0; i < 5; i++)
        withOutputLock(${JSON.stringify(lock)}, () => {
          appendFileSync(${JSON.stringify(log)}, "in " + process.pid + "\\n");
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
          appendFileSync(${JSON.stringify(log)}, "out " + process.pid + "\\n");
        });`;
    const runs = Array.from({ length: 6 }, () => {
      const child = spawn(process.execPath, ["--input-type=module", "-e", script]);
      let err = "";
      child.stderr.on("data", (d: Buffer) => (err += d.toString()));
      return new Promise<{ code: number | null; err: string }>((resolve) => child.on("exit", (code) => resolve({ code, err })));
    });
    for (const r of await Promise.all(runs)) expect(r.code, r.err).toBe(0);
    const lines = readFileSync(log, "utf8").trim().split("\n");
    expect(lines.length).toBe(6 * 5 * 2);
    // Each "in" is followed by the same process's "out": nobody entered while another held the lock.
    for (let i = 0; i < lines.length; i += 2) expect([lines[i], lines[i + 1]?.replace("out", "in")], `line ${i}`).toEqual([lines[i], lines[i]]);
    expect(existsSync(lock)).toBe(false);
    expect(existsSync(`${lock}.takeover`)).toBe(false);
  }, 120_000);

  it("list the output for the build record under the lock, right after the swap", async () => {
    const dir = scratchCasebook("casebook-swap-list-");
    const out = join(dir, "dist");
    const seen = await writeAtomically(out, async (d) => writeFileSync(join(d, "page.html"), "new"), (target) => ({
      locked: existsSync(outputLockPath(target)),
      page: readFileSync(join(target, "page.html"), "utf8"),
    }));
    expect(seen).toEqual({ locked: true, page: "new" });
    expect(existsSync(outputLockPath(out))).toBe(false);
  });

  it("carry the previous search index into a fresh output only while no other build holds the lock", async () => {
    const dir = scratchCasebook("casebook-carry-lock-");
    const out = join(dir, "dist");
    const index = join(out, "site", "pagefind");
    mkdirSync(join(index, "fragment"), { recursive: true });
    writeFileSync(join(index, "pagefind-entry.json"), "{}");
    writeFileSync(join(index, "fragment", "a.pf_fragment"), "a");
    const lock = outputLockPath(out);
    const released = join(dir, "released");
    // Another process holds the output's lock for a moment (as a build does while it swaps or updates).
    const holder = spawn(process.execPath, [
      "-e",
      `const fs = require("node:fs");
       fs.writeFileSync(${JSON.stringify(lock)}, String(process.pid), { flag: "wx" });
       setTimeout(() => { fs.writeFileSync(${JSON.stringify(released)}, ""); fs.rmSync(${JSON.stringify(lock)}); }, 800);`,
    ]);
    const exited = new Promise((resolve) => holder.on("exit", resolve));
    while (!existsSync(lock)) await new Promise((resolve) => setTimeout(resolve, 10));
    const fresh = siteWriter(join(dir, "fresh", "site"), lock);
    expect(fresh.carryFolder(index, "pagefind")).toBe(2);
    // The links were made only once the other process had let go.
    expect(existsSync(released)).toBe(true);
    expect(readFileSync(join(dir, "fresh", "site", "pagefind", "fragment", "a.pf_fragment"), "utf8")).toBe("a");
    await exited;
    // An output without an index to carry gives none, without an error.
    expect(fresh.carryFolder(join(dir, "nowhere"), "pagefind")).toBe(0);
  });

  it("take turns for the swap: a lock held by a live process is waited for, a dead one's is taken over", () => {
    const dir = scratchCasebook("casebook-lock-");
    const lock = join(dir, ".dist.lock");
    writeFileSync(lock, "999999999"); // no such process: a killed build's lock
    expect(withOutputLock(lock, () => "ran")).toBe("ran");
    expect(existsSync(lock)).toBe(false);
    let inner = "";
    withOutputLock(lock, () => {
      expect(readFileSync(lock, "utf8")).toBe(String(process.pid));
      inner = "held";
    });
    expect(inner).toBe("held");
  });
});
