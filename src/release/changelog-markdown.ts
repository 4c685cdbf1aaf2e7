import type { Language } from "../../schema/languages.js";
import { changelogSections } from "../site/pages/changelog-sections.js";
import type { Translate } from "../site/theme-strings.js";
import { absoluteUrl } from "../site/urls.js";
import type { Changelog } from "./edition-model.js";

/** `changelog.md` of an edition: the same sections as its changelog page, in one language. */
export function changelogMarkdown(changelog: Changelog, t: Translate, lang: Language, baseUrl: string): string {
  const sections = changelogSections(changelog, t, lang);
  const lines = [`# ${t("changelog.title", { edition: changelog.version })}`, "", `${changelog.date.slice(0, 10)}. ${changelog.previous ? t("changelog.since", { previous: changelog.previous }) : t("changelog.first")}`];
  if (sections.length === 0) lines.push("", t("changelog.none"));
  for (const section of sections) {
    lines.push("", `## ${section.heading} (${section.items.length})`, "");
    for (const item of section.items) lines.push(`- [${escape(item.title)}](${absoluteUrl(baseUrl, item.path)}) (\`${item.id}\`)${item.note ? ` — ${escape(item.note)}` : ""}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Markdown punctuation in a title or reason is shown as written. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}
