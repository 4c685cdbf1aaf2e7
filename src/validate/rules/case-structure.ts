import { isDeepStrictEqual } from "node:util";
import { isLanguage } from "../../../schema/languages.js";
import { createDiagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { frontmatterPlace } from "../places.js";
import type { RuleInput } from "./rule-input.js";

/** One original per case; translations point at it and do not contradict its neutral fields. */
export function caseStructure(input: RuleInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [id, files] of input.byCase) {
    const readable = files.filter((f) => f.frontmatter?.data);
    if (readable.length === 0) continue;
    const originals = readable.filter((f) => !f.isTranslation);
    if (originals.length === 0) {
      for (const f of readable)
        out.push(
          createDiagnostic({
            ruleId: "case-original-missing",
            file: f.ref.display,
            place: frontmatterPlace(f, ["translatedFrom"]),
            reason: `The case \`${id}\` has no original: every language file is marked as a translation.`,
          }),
        );
      continue;
    }
    for (const extra of originals.slice(1))
      out.push(
        createDiagnostic({
          ruleId: "case-original-duplicate",
          file: extra.ref.display,
          place: frontmatterPlace(extra, []),
          reason: `The case \`${id}\` already has an original (${originals[0]?.ref.lang}.md); this file is a second one.`,
          hint: `Add \`translatedFrom: ${originals[0]?.ref.lang}\` if this file is a translation.`,
        }),
      );
    const original = originals[0]!;
    const originalData = original.frontmatter?.data ?? {};
    for (const t of readable.filter((f) => f.isTranslation)) {
      const data = t.frontmatter?.data ?? {};
      const from = data["translatedFrom"];
      if (typeof from === "string" && isLanguage(from) && from !== original.ref.lang) {
        const exists = files.some((f) => f.ref.lang === from);
        out.push(
          createDiagnostic({
            ruleId: "translation-source-missing",
            file: t.ref.display,
            place: frontmatterPlace(t, ["translatedFrom"]),
            reason:
              from === t.ref.lang
                ? "A file cannot be a translation of itself."
                : exists
                  ? `\`${from}.md\` is itself a translation; the original of this case is \`${original.ref.lang}.md\`.`
                  : `There is no \`${from}.md\` in this case folder to translate from.`,
            hint: `Write \`translatedFrom: ${original.ref.lang}\`.`,
            expected: [original.ref.lang],
          }),
        );
      }
      for (const key of input.neutralKeys) {
        if (!Object.hasOwn(data, key) || isDeepStrictEqual(data[key], originalData[key])) continue;
        out.push(
          createDiagnostic({
            ruleId: "translation-conflict",
            file: t.ref.display,
            place: frontmatterPlace(t, [], key),
            reason: `\`${key}\` differs from the original (${original.ref.lang}.md); a translation inherits it and may not change it.`,
          }),
        );
      }
    }
  }
  return out;
}
