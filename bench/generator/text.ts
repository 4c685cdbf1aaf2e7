import type { Lang } from "./lexicon.js";
import { POOLS, TEMPLATES, type SectionKind } from "./phrases.js";
import type { CasePlan } from "./plan.js";
import type { Rng } from "./rng.js";

const EQUIPMENT: Record<Exclude<Lang, "en">, string[]> = {
  zh: ["实训设备", "仿真系统", "试验台", "教学生产线", "检测平台"],
  fr: ["banc d'essai", "simulateur", "poste de travail", "équipement de production", "plateau technique"],
  ru: ["стенд", "тренажёр", "учебная линия", "испытательный стенд"],
};

/** Fills one template's `{slots}` for a case, in the template's language. */
export function fill(template: string, plan: CasePlan, lang: Lang, rng: Rng): string {
  const sector = plan.sectors[0]!;
  const lastYear = plan.lastYear;
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case "city":
        return plan.city;
      case "cnCity":
        return plan.cnCity;
      case "country":
        return plan.country.name[lang];
      case "host":
        return plan.host;
      case "cn":
        return plan.cn;
      case "company":
        return plan.company;
      case "assoc":
        return plan.assoc;
      case "sector":
        return rng.pick(plan.sectors).name[lang];
      case "skill":
      case "skill2":
        return lang === "en" ? rng.pick(sector.skills) : sector.name[lang];
      case "equip":
        return lang === "en" ? rng.pick(sector.equipment) : rng.pick(EQUIPMENT[lang]);
      case "model": {
        const model = rng.pick(plan.models);
        return lang === "en" ? model.phrase : model.label[lang];
      }
      case "year":
        return String(rng.int(plan.period.start, lastYear));
      case "start":
        return String(plan.period.start);
      case "n":
        return String(rng.int(4, 60));
      case "big":
        return lang === "en" ? rng.int(80, 3200).toLocaleString("en-US") : String(rng.int(80, 3200));
      case "pct":
        return String(rng.int(15, 90));
      case "weeks":
        return String(rng.int(2, 16));
      case "months":
        return String(rng.int(2, 9));
      default: {
        // `{Obstacle}` is `{obstacle}` at the start of a sentence.
        const pool = POOLS[slot.toLowerCase() as keyof typeof POOLS];
        if (!pool) throw new Error(`unknown slot {${slot}}`);
        const word = rng.pick(pool);
        return /^[A-Z]/.test(slot) ? word[0]!.toUpperCase() + word.slice(1) : word;
      }
    }
  });
}

/** A paragraph of 2–5 different sentences from the section's templates, with the inline markup real text has. */
export function paragraph(kind: SectionKind, plan: CasePlan, lang: Lang, rng: Rng): string {
  const templates = TEMPLATES[lang][kind];
  const sentences = rng.sample(templates, rng.int(2, 5)).map((t) => fill(t, plan, lang, rng));
  decorate(sentences, plan, lang, rng);
  return sentences.join(lang === "zh" ? "" : " ");
}

/** Bold, emphasis, an external link or a bare URL (GFM autolink literal), now and then. */
function decorate(sentences: string[], plan: CasePlan, lang: Lang, rng: Rng): void {
  const i = rng.int(0, sentences.length - 1);
  const s = sentences[i]!;
  const roll = rng.next();
  // Chinese sentences end in full-width punctuation, which would keep `**` from closing: stress the name.
  if (roll < 0.15) sentences[i] = lang === "zh" ? s.replace(plan.host, `**${plan.host}**`) : `**${s}**`;
  else if (roll < 0.25) sentences[i] = s.replace(plan.host, `*${plan.host}*`);
  else if (roll < 0.33)
    sentences.push(
      lang === "zh"
        ? `详见[项目网站](https://example.org/casebook/${plan.id})。`
        : lang === "en"
          ? `More is on the [project website](https://example.org/casebook/${plan.id}).`
          : `https://example.org/casebook/${plan.id}`,
    );
  else if (roll < 0.38 && lang === "en") sentences.push(`Reports are published at www.example.org/${plan.id}/reports.`);
}

/** Words as `wc -w` counts them. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
