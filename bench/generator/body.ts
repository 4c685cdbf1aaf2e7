import { figureText, FOOTNOTE, LEADS, linkText, moduleName, outcomeBullet, TABLE_INTRO } from "./body-strings.js";
import { SECTION_HEADINGS, type Lang } from "./lexicon.js";
import { NOTICE, SEE_ALSO, SUBHEADINGS, TABLE_HEADERS, TEMPLATES, type SectionKind } from "./phrases.js";
import type { CasePlan } from "./plan.js";
import { Rng } from "./rng.js";
import { fill, paragraph, wordCount } from "./text.js";

const KINDS: SectionKind[] = ["context", "model", "implementation", "outcomes", "lessons"];

/** How many free paragraphs each section has; a translation keeps its original's shape. */
export type Shape = Record<SectionKind, number>;

/**
 * The Markdown body of a case in one language. The original grows paragraphs until it reaches
 * its target length; a translation mirrors the original's shape (same sections, tables, lists,
 * figures, footnote and links) in its own words.
 */
export function caseBody(plan: CasePlan, lang: Lang, peers: readonly CasePlan[], shape?: Shape): { text: string; shape: Shape } {
  const rng = new Rng(`${plan.id}:body:${lang}`);
  const fixed = fixedBlocks(plan, lang, rng, peers);
  const free: Record<SectionKind, string[]> = { context: [], model: [], implementation: [], outcomes: [], lessons: [] };
  const h = SECTION_HEADINGS[lang];
  const sub = SUBHEADINGS[lang];
  const assemble = () => {
    const parts: string[] = [NOTICE[lang]];
    parts.push(`## ${h[0]}`, ...free.context, ...fixed.context);
    parts.push(`## ${h[1]}`, ...fixed.model, ...free.model);
    parts.push(`## ${h[2]}`);
    if (fixed.table.length) parts.push(`### ${sub[0]}`, ...fixed.table);
    parts.push(`### ${sub[1]}`, ...free.implementation, ...fixed.figure1, `### ${sub[2]}`, ...fixed.implementation);
    parts.push(`## ${h[3]}`, ...fixed.outcomes, ...fixed.figure2, ...free.outcomes);
    parts.push(`## ${h[4]}`, ...fixed.lessons, ...free.lessons, ...fixed.links);
    if (fixed.footnote.length) parts.push(...fixed.footnote);
    return parts;
  };
  if (shape) {
    for (const kind of KINDS) for (let i = 0; i < shape[kind]; i++) free[kind].push(paragraph(kind, plan, lang, rng));
  } else {
    let words = wordCount(assemble().join("\n\n"));
    // Round-robin, weighted to the long sections, until the body reaches its length (never past 1,500 words).
    const order: SectionKind[] = ["context", "implementation", "model", "implementation", "outcomes", "context", "lessons"];
    for (let i = 0; words < Math.max(plan.targetWords - 40, 620); i++) {
      const kind = order[i % order.length]!;
      const p = paragraph(kind, plan, lang, rng);
      if (words + wordCount(p) > 1500) break;
      free[kind].push(p);
      words += wordCount(p);
    }
  }
  const parts = assemble();
  return { text: `${parts.join("\n\n")}\n`, shape: { context: free.context.length, model: free.model.length, implementation: free.implementation.length, outcomes: free.outcomes.length, lessons: free.lessons.length } };
}

type Fixed = Record<"context" | "model" | "table" | "implementation" | "figure1" | "outcomes" | "figure2" | "lessons" | "links" | "footnote", string[]>;

function fixedBlocks(plan: CasePlan, lang: Lang, rng: Rng, peers: readonly CasePlan[]): Fixed {
  const f: Fixed = { context: [], model: [], table: [], implementation: [], figure1: [], outcomes: [], figure2: [], lessons: [], links: [], footnote: [] };
  f.context.push(paragraph("context", plan, lang, rng));

  const leads = rng.sample(LEADS[lang], rng.int(3, 4));
  const principles = leads.map((lead, i) => {
    const note = plan.hasFootnote && i === leads.length - 1 ? "[^1]" : "";
    return `- **${lead}** ${fill(rng.pick(TEMPLATES[lang].model), plan, lang, rng)}${note}`;
  });
  f.model.push(paragraph("model", plan, lang, rng), principles.join("\n"));

  if (plan.hasTable) {
    const [a, b, c, d] = TABLE_HEADERS[lang];
    const rows = Array.from({ length: rng.int(4, 7) }, (_, k) => {
      const equip = plan.sectors[0]!.equipment[k % plan.sectors[0]!.equipment.length]!;
      return `| ${moduleName(plan, lang, k)} | ${rng.int(4, 20) * 10} | ${lang === "en" ? equip : "—"} | ${rng.int(3, 10) * 10}% |`;
    });
    f.table.push(TABLE_INTRO[lang], [`| ${a} | ${b} | ${c} | ${d} |`, "|---|---:|---|---:|", ...rows].join("\n"));
  }
  f.implementation.push(paragraph("implementation", plan, lang, rng));
  if (plan.figures >= 1) f.figure1.push(figure(plan, lang, 1));
  f.outcomes.push(paragraph("outcomes", plan, lang, rng), plan.outcomes.map((o) => `- ${outcomeBullet(o, lang)}`).join("\n"));
  if (plan.figures >= 2) f.figure2.push(figure(plan, lang, 2));

  const lessons = rng.sample(TEMPLATES[lang].lessons, rng.int(3, 4));
  f.lessons.push(lessons.map((l, i) => `${i + 1}. ${l}`).join("\n"));
  if (plan.links.length) {
    const links = plan.links.map((t) => `[${linkText(peers[t]!, lang)}](case:${peers[t]!.id})`);
    const sep = lang === "zh" ? "、" : ", ";
    f.links.push(`${SEE_ALSO[lang]} ${links.join(sep)}${lang === "zh" ? "。" : "."}`);
  }
  if (plan.hasFootnote) f.footnote.push(`[^1]: ${FOOTNOTE[lang]}`);
  return f;
}


function figure(plan: CasePlan, lang: Lang, n: number): string {
  const { alt, caption } = figureText(plan, lang, n);
  return `![${alt}](images/figure-${n}.svg "${caption}")`;
}
