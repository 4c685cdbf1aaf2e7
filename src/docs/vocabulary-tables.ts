import { LANGUAGES } from "../../schema/languages.js";
import type { MetricTerm, Term, Vocabularies, VocabularyName } from "../../schema/vocabularies.js";
import { cell, table, type DocLanguage } from "./doc-language.js";

/** Each vocabulary's title in the guide and its file in schema/vocabularies/. */
export const VOCABULARY_TITLES: Record<VocabularyName, Record<DocLanguage, string> & { file: string }> = {
  modelTypes: { en: "Model types", zh: "合作模式类型", file: "model-types.yaml" },
  sectors: { en: "Sectors", zh: "行业领域", file: "sectors.yaml" },
  metrics: { en: "Outcome metrics", zh: "成效指标", file: "outcome-metrics.yaml" },
  partnerKinds: { en: "Partner kinds", zh: "合作方类型", file: "partner-kinds.yaml" },
  directions: { en: "Directions", zh: "合作方向", file: "directions.yaml" },
  levels: { en: "Levels (ISCED 2011)", zh: "教育层次（ISCED 2011）", file: "levels.yaml" },
  statuses: { en: "Statuses", zh: "状态", file: "statuses.yaml" },
  sections: { en: "Recommended sections", zh: "推荐章节", file: "sections.yaml" },
};

const UNITS: Record<MetricTerm["unit"], Record<DocLanguage, string>> = {
  count: { en: "count", zh: "数量" },
  percent: { en: "percent (0–100)", zh: "百分比（0–100）" },
  currency: { en: "money (needs `currency`)", zh: "金额（须填 `currency`）" },
  hours: { en: "hours", zh: "小时" },
};

const HEAD = {
  en: { id: "id", label: "Label", english: "", description: "Description", unit: "Unit", file: "file" },
  zh: { id: "id", label: "名称", english: "English", description: "说明", unit: "单位", file: "文件" },
};

export function vocabularyAnchor(name: VocabularyName, _lang?: DocLanguage): string {
  return `vocabulary-${VOCABULARY_TITLES[name].file.replace(/\.yaml$/, "")}`;
}

/** One table per vocabulary, in the order of the schema's files, each under an anchored heading. */
export function vocabularyTables(vocabularies: Vocabularies, lang: DocLanguage): string {
  const h = HEAD[lang];
  return (Object.keys(VOCABULARY_TITLES) as VocabularyName[])
    .map((name) => {
      const title = VOCABULARY_TITLES[name];
      const terms = vocabularies[name] as readonly (Term & { unit?: MetricTerm["unit"] })[];
      const heading = `<a id="${vocabularyAnchor(name)}"></a>\n\n### ${title[lang]} (\`schema/vocabularies/${title.file}\`)`;
      let body: string;
      if (name === "sections") {
        body = table(
          [h.id, ...LANGUAGES.map((l) => `\`${l}\``)],
          terms.map((t) => [`\`${t.id}\``, ...LANGUAGES.map((l) => cell(t.labels[l]))]),
        );
      } else {
        const head = [h.id, h.label, ...(lang === "en" ? [] : [h.english]), ...(name === "metrics" ? [h.unit] : []), h.description];
        body = table(
          head,
          terms.map((t) => [
            `\`${t.id}\``,
            cell(t.labels[lang]),
            ...(lang === "en" ? [] : [cell(t.labels.en)]),
            ...(t.unit ? [UNITS[t.unit][lang]] : []),
            cell(t.description?.[lang] ?? ""),
          ]),
        );
      }
      return `${heading}\n\n${body}`;
    })
    .join("\n\n");
}
