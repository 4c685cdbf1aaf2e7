import { createDiagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { closest } from "../closest.js";
import { bodyPlace } from "../places.js";
import type { RuleInput } from "./rule-input.js";

export const CASE_LINK = /^case:([^#?]*)(?:[#?].*)?$/;

/** Every `case:<id>` link names a case of this casebook. */
export function caseLinks(input: RuleInput): Diagnostic[] {
  const ids = input.caseIds;
  const known = new Set(ids);
  const out: Diagnostic[] = [];
  for (const file of input.files) {
    for (const link of file.references?.links ?? []) {
      const match = CASE_LINK.exec(link.url);
      if (!match) continue;
      const id = match[1] ?? "";
      if (known.has(id)) continue;
      const near = closest(id, ids, 3);
      out.push(
        createDiagnostic({
          ruleId: "case-link-broken",
          file: file.ref.display,
          place: bodyPlace(file, link.start, link.end),
          reason: id ? `The link points to the case \`${id}\`, which does not exist.` : "The link `case:` names no case.",
          ...(near.length ? { hint: `Closest case ids: ${near.join(", ")}.`, expected: near } : {}),
        }),
      );
    }
  }
  return out;
}
