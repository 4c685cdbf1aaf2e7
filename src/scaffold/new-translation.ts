import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Language } from "../../schema/languages.js";
import type { Vocabularies } from "../../schema/vocabularies.js";
import type { LoadedFile } from "../load/load-casebook.js";
import { parseMarkdown } from "../markdown/parse-markdown.js";
import { sourceHashOfFile } from "../translations/source-hash.js";
import { bodyReferences } from "../validate/body-references.js";
import { normalizeHeading } from "../validate/rules/recommended-sections.js";

const PLACEHOLDERS: Record<Language, { title: string; summary: string; translator: string; section: (from: string) => string; note: string }> = {
  en: {
    title: "Translated title of the case",
    summary: "Translate the summary of the original here: one or two plain sentences on who cooperates, where, and with what result.",
    translator: "Your name",
    section: (from) => `Translate this section of ${from}.`,
    note: "The original's title, summary and tags, to translate:",
  },
  zh: {
    title: "案例标题的译文",
    summary: "请在此翻译原文的摘要：用一两句平实的话说明谁与谁合作、在哪里、在哪个领域开展合作，以及取得了什么成果。",
    translator: "译者姓名",
    section: (from) => `请将原文（${from}）的这一节译为中文。`,
    note: "原文的标题、摘要和标签（请翻译）：",
  },
  fr: {
    title: "Titre traduit du cas",
    summary: "Traduisez ici le résumé de l'original : une ou deux phrases simples sur qui coopère, où, et avec quels résultats.",
    translator: "Votre nom",
    section: (from) => `Traduisez cette section de ${from}.`,
    note: "Titre, résumé et mots-clés de l'original, à traduire :",
  },
  ru: {
    title: "Переведённое название кейса",
    summary: "Переведите здесь аннотацию оригинала: одно-два простых предложения о том, кто сотрудничает, где и с каким результатом.",
    translator: "Ваше имя",
    section: (from) => `Переведите этот раздел из ${from}.`,
    note: "Название, аннотация и теги оригинала для перевода:",
  },
};

const oneLine = (value: unknown): string =>
  (Array.isArray(value) ? `[${value.map(oneLine).join(", ")}]` : typeof value === "string" ? value : JSON.stringify(value ?? ""))
    .replace(/\s+/g, " ")
    .trim();

/**
 * The text of a new draft translation of `original` into `lang`: `translatedFrom` and the
 * original's current `sourceHash`, placeholders for the texts (the original's in comments), and the
 * original's headings, recommended sections under their titles in `lang`. It passes `casebook check`.
 */
export function renderNewTranslation(original: LoadedFile, lang: Language, vocabularies: Vocabularies, date: string): string {
  const data = original.frontmatter?.data;
  const hash = sourceHashOfFile(original);
  if (!data || original.body === undefined || hash === undefined) throw new Error(`${original.ref.display} cannot be read`);
  const text = PLACEHOLDERS[lang];
  const from = original.ref.lang;
  const fromFile = `${from}.md`;
  const frontmatter = [
    "---",
    `translatedFrom: ${from}`,
    `sourceHash: ${hash}`,
    `# ${text.note}`,
    `#   title: ${oneLine(data["title"])}`,
    `#   summary: ${oneLine(data["summary"])}`,
    ...(Array.isArray(data["tags"]) && data["tags"].length ? [`#   tags: ${oneLine(data["tags"])}`] : []),
    `title: ${JSON.stringify(text.title)}`,
    "summary: >-",
    `  ${text.summary}`,
    "tags: []",
    "translators:",
    `  - name: ${text.translator}`,
    "status: draft",
    `published: ${date}`,
    "---",
  ];
  const sectionTitles = new Map(vocabularies.sections.map((s) => [normalizeHeading(s.labels[from]), s.labels[lang]]));
  const headings = bodyReferences(parseMarkdown(original.body)).headings;
  const blocks: string[] = [];
  const firstHeading = headings[0]?.start ?? original.body.length;
  if (original.body.slice(0, firstHeading).trim() !== "") blocks.push(text.section(fromFile));
  for (const heading of headings) {
    const title = heading.depth === 2 ? (sectionTitles.get(normalizeHeading(heading.text)) ?? heading.text) : heading.text;
    blocks.push(`${"#".repeat(heading.depth)} ${title}`, text.section(fromFile));
  }
  return `${frontmatter.join("\n")}\n\n${blocks.join("\n\n")}\n`;
}

/** Writes `<casesDir>/<id>/<lang>.md` into an existing case folder; refuses to overwrite. Returns the path. */
export function writeNewTranslation(casesDir: string, id: string, lang: Language, text: string): string {
  const path = join(casesDir, id, `${lang}.md`);
  writeFileSync(path, text, { flag: "wx" });
  return path;
}
