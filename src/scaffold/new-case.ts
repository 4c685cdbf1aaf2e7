import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Language } from "../../schema/languages.js";
import type { Vocabularies } from "../../schema/vocabularies.js";
import { PACKAGE_ROOT } from "../paths/package-root.js";

const PLACEHOLDERS: Record<Language, { title: string; summary: string; section: string }> = {
  en: {
    title: "Working title of the case",
    summary: "One or two plain sentences that say who cooperates, where, in which field, and what came of it.",
    section: "Write this section.",
  },
  zh: { title: "案例的暂定标题", summary: "用一两句平实的话说明：谁与谁合作、在哪里、在哪个领域、取得了什么成果。这段摘要会出现在列表和搜索结果中。", section: "请撰写本节内容。" },
  fr: {
    title: "Titre provisoire du cas",
    summary: "Une ou deux phrases simples : qui coopère, où, dans quel domaine, et avec quels résultats.",
    section: "Rédigez cette section.",
  },
  ru: {
    title: "Рабочее название кейса",
    summary: "Одно-два простых предложения: кто сотрудничает, где, в какой отрасли и каковы результаты.",
    section: "Напишите этот раздел.",
  },
};

/** The text of a new draft case, from schema/templates/case.md; it passes `casebook check`. */
export function renderNewCase(lang: Language, vocabularies: Vocabularies, date: string): string {
  const template = readFileSync(join(PACKAGE_ROOT, "schema", "templates", "case.md"), "utf8");
  const text = PLACEHOLDERS[lang];
  const sections = vocabularies.sections
    .map((s) => `## ${s.labels[lang]}\n\n${s.description?.[lang] ?? text.section}\n`)
    .join("\n");
  const values: Record<string, string> = {
    title: JSON.stringify(text.title),
    summary: text.summary,
    year: date.slice(0, 4),
    date,
    sections: sections.trimEnd(),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? "");
}

/** Writes `<casesDir>/<id>/<lang>.md`; refuses to overwrite anything. Returns the path written. */
export function writeNewCase(casesDir: string, id: string, lang: Language, text: string): string {
  const folder = join(casesDir, id);
  mkdirSync(join(folder, "images"), { recursive: true });
  const path = join(folder, `${lang}.md`);
  writeFileSync(path, text, { flag: "wx" });
  return path;
}
