/**
 * A deterministic generator of realistic cases for the benchmark: the same `{ count, seed }`
 * writes byte-identical files on every machine. It writes into a folder you give it, which
 * must be empty (or not exist yet) and never the repository's own `cases/`.
 *
 *   npx tsx bench/generate-cases.ts --count 100 --seed 1 --dir /tmp/cases
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { caseBody } from "./generator/body.js";
import { originalFrontmatter, sourceHash, translationFrontmatter } from "./generator/frontmatter.js";
import { planCase, planLinks } from "./generator/plan.js";
import { coverSvg, figureSvg } from "./generator/svg.js";
import { wordCount } from "./generator/text.js";

export interface GenerateOptions {
  count: number;
  seed: number | string;
  /** The cases folder to write: `<dir>/<id>/en.md`, `<dir>/<id>/images/…`. */
  dir: string;
}

export interface GeneratedCasebook {
  dir: string;
  cases: number;
  /** Language files written (originals and translations). */
  files: number;
  translations: Record<"zh" | "fr" | "ru", number>;
  images: number;
  /** Words in the English bodies (as `wc -w` counts them). */
  words: { total: number; min: number; max: number };
  bytes: number;
  ids: string[];
}

const REPO_CASES = fileURLToPath(new URL("../cases", import.meta.url));

export function generateCasebook({ count, seed, dir }: GenerateOptions): GeneratedCasebook {
  if (!Number.isInteger(count) || count < 1) throw new Error(`count must be a positive integer, not ${count}`);
  const target = resolve(dir);
  const rel = relative(REPO_CASES, target);
  if (rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep) && !/^[a-z]:/i.test(rel)))
    throw new Error(`refusing to generate into the repository's own cases folder (${target})`);
  if (existsSync(target) && readdirSync(target).length > 0) throw new Error(`${target} is not empty; give an empty or new folder`);
  mkdirSync(target, { recursive: true });

  const key = String(seed);
  const plans = Array.from({ length: count }, (_, i) => planCase(key, i));
  planLinks(key, plans);

  const out: GeneratedCasebook = {
    dir: target,
    cases: count,
    files: 0,
    translations: { zh: 0, fr: 0, ru: 0 },
    images: 0,
    words: { total: 0, min: Infinity, max: 0 },
    bytes: 0,
    ids: plans.map((p) => p.id),
  };
  const write = (path: string, text: string) => {
    writeFileSync(path, text);
    out.bytes += Buffer.byteLength(text);
  };
  for (const plan of plans) {
    const folder = join(target, plan.id);
    mkdirSync(folder);
    const front = originalFrontmatter(plan);
    const body = caseBody(plan, "en", plans);
    write(join(folder, "en.md"), `${front.yaml}\n${body.text}`);
    out.files++;
    const words = wordCount(body.text);
    out.words.total += words;
    out.words.min = Math.min(out.words.min, words);
    out.words.max = Math.max(out.words.max, words);
    if (plan.translation) {
      const lang = plan.translation;
      const translated = caseBody(plan, lang, plans, body.shape);
      const hash = sourceHash(front.translatable, body.text);
      write(join(folder, `${lang}.md`), `${translationFrontmatter(plan, lang, front.published, hash)}\n${translated.text}`);
      out.files++;
      out.translations[lang]++;
    }
    if (plan.hasCover || plan.figures > 0) mkdirSync(join(folder, "images"));
    if (plan.hasCover) {
      write(join(folder, "images", "cover.svg"), coverSvg(plan));
      out.images++;
    }
    for (let n = 1; n <= plan.figures; n++) {
      write(join(folder, "images", `figure-${n}.svg`), figureSvg(plan, n));
      out.images++;
    }
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { count: { type: "string", default: "100" }, seed: { type: "string", default: "1" }, dir: { type: "string" } } });
  if (!values.dir) {
    process.stderr.write("usage: tsx bench/generate-cases.ts --count N --seed S --dir EMPTY_FOLDER\n");
    process.exit(2);
  }
  const result = generateCasebook({ count: Number(values.count), seed: values.seed, dir: values.dir });
  const { ids: _ids, ...summary } = result;
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}
