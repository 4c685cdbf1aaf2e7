import { mkdirSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyWithTime, sameAsCopied } from "../src/build/site-writer.js";
import { removeProjects } from "./helpers/remove-projects.js";

const dir = mkdtempSync(join(tmpdir(), "casebook-copy-time-"));
afterAll(() => removeProjects([dir]));

// An update build keeps a media file's copy when the source's size and modification time are those
// the copy was given (src/build/output-update.ts). The time goes through a double and the file
// system's precision: a comparison too exact re-copied about one file in four hundred.
describe("a copy with its source's time", () => {
  it("is recognised as the copy of every unchanged source, whatever the nanoseconds of its time", () => {
    mkdirSync(join(dir, "from"));
    mkdirSync(join(dir, "to"));
    const missed: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const source = join(dir, "from", `${i}.svg`);
      const copy = join(dir, "to", `${i}.svg`);
      writeFileSync(source, `<svg>${i}</svg>`);
      copyWithTime(source, copy);
      const made = statSync(copy);
      if (!sameAsCopied(statSync(source), made.size, made.mtimeMs)) missed.push(`${i}: ${statSync(source).mtimeMs} → ${made.mtimeMs}`);
    }
    expect(missed).toEqual([]);
  });

  it("is not the copy of a source changed since, even one of the same size", async () => {
    const source = join(dir, "changed.svg");
    const copy = join(dir, "changed-copy.svg");
    writeFileSync(source, "<svg>1</svg>");
    copyWithTime(source, copy);
    const made = statSync(copy);
    await new Promise((done) => setTimeout(done, 5));
    writeFileSync(source, "<svg>2</svg>");
    expect(sameAsCopied(statSync(source), made.size, made.mtimeMs)).toBe(false);
  });
});
