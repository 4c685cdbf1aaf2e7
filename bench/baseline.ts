/**
 * The baseline Casebook is compared with: the least a pipeline must do with the same cases.
 * Read each file, split the frontmatter with gray-matter, render the body with a frozen
 * unified processor (remark-parse, remark-gfm, remark-rehype, rehype-stringify), write one
 * HTML page per case per language; then a bare Pagefind run over those pages.
 *
 *   node bench/.build/baseline.mjs --cases DIR --out DIR     (run.ts compiles and runs it)
 *
 * Prints one JSON line with the time of each phase, measured inside the process (so process
 * start-up and module loading are excluded, which makes the comparison stricter for Casebook).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

const t0 = performance.now();
const [{ default: matter }, { unified }, { default: remarkParse }, { default: remarkGfm }, { default: remarkRehype }, { default: rehypeStringify }, pagefind] =
  await Promise.all([
    import("gray-matter"),
    import("unified"),
    import("remark-parse"),
    import("remark-gfm"),
    import("remark-rehype"),
    import("rehype-stringify"),
    import("pagefind"),
  ]);
const importMs = performance.now() - t0;

const { values } = parseArgs({ options: { cases: { type: "string" }, out: { type: "string" } } });
if (!values.cases || !values.out) {
  process.stderr.write("usage: baseline --cases DIR --out DIR\n");
  process.exit(2);
}
const casesDir = values.cases;
const outDir = values.out;

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify).freeze();

const t1 = performance.now();
let pages = 0;
let markdownBytes = 0;
for (const id of readdirSync(casesDir).sort()) {
  let names: string[];
  try {
    names = readdirSync(join(casesDir, id)).filter((n) => n.endsWith(".md"));
  } catch {
    continue; // not a folder
  }
  for (const name of names) {
    const lang = name.slice(0, -3);
    const text = readFileSync(join(casesDir, id, name), "utf8");
    markdownBytes += Buffer.byteLength(text);
    const file = matter(text, {}); // `{}`: gray-matter caches every input forever without options
    const title = typeof file.data["title"] === "string" ? file.data["title"] : id;
    const body = String(processor.processSync(file.content));
    const dir = join(outDir, lang, "cases", id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "index.html"),
      `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${escape(title)}</title></head>` +
        `<body><main data-pagefind-body><h1>${escape(title)}</h1>\n${body}</main></body></html>\n`,
    );
    pages++;
  }
}
const unifiedMs = performance.now() - t1;

const t2 = performance.now();
let indexed = 0;
try {
  const created = await pagefind.createIndex({});
  if (created.errors.length || !created.index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
  const added = await created.index.addDirectory({ path: outDir });
  if (added.errors.length) throw new Error(`Pagefind could not index: ${added.errors.join("; ")}`);
  indexed = added.page_count;
  const written = await created.index.writeFiles({ outputPath: join(outDir, "pagefind") });
  if (written.errors.length) throw new Error(`Pagefind could not write: ${written.errors.join("; ")}`);
} finally {
  await pagefind.close();
}
const pagefindMs = performance.now() - t2;

process.stdout.write(`${JSON.stringify({ pages, indexed, markdownBytes, importMs, unifiedMs, pagefindMs })}\n`);
