import { createDiagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { bodyPlace } from "../places.js";
import type { RuleInput } from "./rule-input.js";

/** Headings compare without case, numbering ("1.", "一、") or trailing punctuation. */
export function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[一二三四五六七八九十]+、)\s*/u, "")
    .replace(/[\s:：.。]+$/u, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Each language file has the recommended level-2 sections (a warning). */
export function recommendedSections(input: RuleInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of input.files) {
    if (!file.references || file.body === undefined) continue;
    const present = new Set(file.references.headings.filter((h) => h.depth === 2).map((h) => normalizeHeading(h.text)));
    const firstLine = file.body.indexOf("\n");
    const place = bodyPlace(file, 0, firstLine === -1 ? file.body.length : firstLine);
    for (const section of input.vocabularies.sections) {
      const label = section.labels[file.ref.lang];
      if (present.has(normalizeHeading(label))) continue;
      out.push(
        createDiagnostic({
          ruleId: "section-missing",
          file: file.ref.display,
          place,
          reason: `The recommended section "${label}" is missing.`,
          hint: `Add a heading \`## ${label}\`${section.description ? `: ${section.description[file.ref.lang]}` : "."}`,
        }),
      );
    }
  }
  return out;
}
