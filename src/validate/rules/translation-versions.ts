import { createDiagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { checkTranslation, findOriginal, isTranslationFile } from "../../translations/translation-state.js";
import { frontmatterPlace } from "../places.js";
import type { RuleInput } from "./rule-input.js";

/**
 * Each translation records the version of its original it was made from (`sourceHash`): a warning
 * when the original has changed since (at `sourceHash`), or when it records none (at `translatedFrom`).
 */
export function translationVersions(input: RuleInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [id, files] of input.byCase) {
    // Judged from the original's raw values, as `status` and the link stage do, even while it has errors.
    const original = findOriginal(files);
    if (!original) continue;
    const from = `${original.ref.lang}.md`;
    for (const file of files) {
      if (file === original || !isTranslationFile(file)) continue;
      const check = checkTranslation(original, file);
      if (!check || check.state === "current") continue;
      const stamp = `casebook stamp ${id} --lang ${file.ref.lang}`;
      out.push(
        check.state === "stale"
          ? createDiagnostic({
              ruleId: "translation-stale",
              file: file.ref.display,
              place: frontmatterPlace(file, ["sourceHash"]),
              reason: `The original (${from}) has changed since this translation was made: \`sourceHash\` is ${check.recorded}, but ${from} is now ${check.current}.`,
              hint: `Bring the translation up to date with ${from} (\`git log -p\` on ${from} shows what changed), then run \`${stamp}\`.`,
              expected: [check.current],
            })
          : createDiagnostic({
              ruleId: "translation-unversioned",
              file: file.ref.display,
              place: frontmatterPlace(file, ["translatedFrom"]),
              reason: `The translation does not record which version of the original (${from}) it was made from: it has no \`sourceHash\`.`,
              hint: `Once the translation matches ${from} as it is now, run \`${stamp}\` to record it.`,
            }),
      );
    }
  }
  return out;
}
