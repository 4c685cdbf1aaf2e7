import { readFileSync } from "node:fs";
import { join } from "node:path";
import jsYaml from "js-yaml";
import { parse } from "yaml";
import { z } from "zod";
import { LANGUAGES } from "./languages.js";
import { VocabularyError } from "./vocabulary-error.js";

const localized = z.strictObject(Object.fromEntries(LANGUAGES.map((l) => [l, z.string().min(1)])) as Record<
  (typeof LANGUAGES)[number],
  z.ZodString
>);

const term = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are kebab-case"),
  labels: localized,
  description: localized.optional(),
});

export const UNIT_KINDS = ["count", "percent", "currency", "hours"] as const;
const metricTerm = term.extend({ unit: z.enum(UNIT_KINDS) });

export type Term = z.infer<typeof term>;
export type MetricTerm = z.infer<typeof metricTerm>;
export type LocalizedText = z.infer<typeof localized>;

/** Each vocabulary file in schema/vocabularies/ and the term shape it holds. */
const FILES = {
  modelTypes: ["model-types.yaml", term],
  sectors: ["sectors.yaml", term],
  metrics: ["outcome-metrics.yaml", metricTerm],
  partnerKinds: ["partner-kinds.yaml", term],
  directions: ["directions.yaml", term],
  levels: ["levels.yaml", term],
  statuses: ["statuses.yaml", term],
  sections: ["sections.yaml", term],
} as const;

type Files = typeof FILES;
export type Vocabularies = { [K in keyof Files]: readonly z.infer<Files[K][1]>[] };
export type VocabularyName = keyof Vocabularies;

/** Reads and checks every vocabulary. A broken vocabulary is a setup error, reported with its file. */
export function loadVocabularies(dir: string): Vocabularies {
  const out: Partial<Record<VocabularyName, unknown>> = {};
  for (const [name, [file, shape]] of Object.entries(FILES) as [VocabularyName, Files[VocabularyName]][]) {
    const path = join(dir, file);
    // A missing, unreadable or malformed file is a VocabularyError (a clear message), not a crash.
    let raw: unknown;
    try {
      raw = readYaml(readFileSync(path, "utf8"));
    } catch (error) {
      throw new VocabularyError(`${path}: ${(error as Error).message.split("\n")[0]}`);
    }
    const result = z.array(shape).min(1).safeParse(raw);
    if (!result.success) {
      const first = result.error.issues[0];
      throw new VocabularyError(`${path}: ${first?.path.join(".")}: ${first?.message}`);
    }
    const ids = new Set<string>();
    for (const t of result.data) {
      if (ids.has(t.id)) throw new VocabularyError(`${path}: the id "${t.id}" appears twice`);
      ids.add(t.id);
    }
    out[name] = result.data;
  }
  return out as Vocabularies;
}

/**
 * js-yaml with YAML 1.2's core schema reads the vocabularies (50 KB) in a tenth of the time `yaml`
 * takes, which every command paid before doing anything (90 ms of `check`). Whatever js-yaml refuses
 * is read again by `yaml`, whose message names the problem the way the rest of Casebook does.
 */
function readYaml(text: string): unknown {
  try {
    return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return parse(text);
  }
}

export { VocabularyError };

export function termIds(terms: readonly Term[]): [string, ...string[]] {
  return terms.map((t) => t.id) as [string, ...string[]];
}
