import { createDiagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { frontmatterPlace } from "../places.js";
import type { RuleInput } from "./rule-input.js";

/** Outcomes are measured during the case's period (a warning); a published case reports some. */
export function outcomeYears(input: RuleInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of input.files) {
    const data = file.original;
    if (!data) continue;
    if ((data.outcomes ?? []).length === 0 && data.status === "published")
      out.push(
        createDiagnostic({
          ruleId: "outcomes-missing",
          file: file.ref.display,
          place: frontmatterPlace(file, []),
          reason: "The case is published but reports no outcomes.",
        }),
      );
    const last = data.period.end ?? input.currentYear;
    (data.outcomes ?? []).forEach((outcome, index) => {
      if (outcome.year >= data.period.start && outcome.year <= last) return;
      out.push(
        createDiagnostic({
          ruleId: "outcome-year",
          file: file.ref.display,
          place: frontmatterPlace(file, ["outcomes", index, "year"]),
          reason: `The outcome year ${outcome.year} is outside the case's period (${data.period.start}–${data.period.end ?? "ongoing"}).`,
        }),
      );
    });
  }
  return out;
}
