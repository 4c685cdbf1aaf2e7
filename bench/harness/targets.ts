import { GiB, round, type SizeResult, type StepResult, type TargetLine } from "./results.js";

/** The size at which issue 6 sets its targets. */
export const TARGET_SIZE = 4000;

const seconds = (step: StepResult | undefined) => (step?.ok ? step.wallMs / 1000 : null);

/** Issue 6's targets, checked at every size measured (official at 4,000 cases). */
export function evaluateTargets(sizes: readonly SizeResult[]): TargetLine[] {
  const lines: TargetLine[] = [];
  for (const size of sizes) {
    const official = size.cases === TARGET_SIZE;
    const add = (name: string, value: number | null, limit: number, unit: TargetLine["unit"], detail?: string) =>
      lines.push({ cases: size.cases, name, value: value === null ? null : round(value, 2), limit, unit, pass: value !== null && value <= limit, official, ...(detail ? { detail } : {}) });
    const { check, cold, warm, edit, preview } = size.steps;
    add("casebook check", seconds(check), 3, "s");
    add("cold build, site and search index, no PDF", seconds(cold), 25, "s");
    add("cold build / (bare unified + bare Pagefind)", size.ratio, 1.5, "ratio");
    add("warm rebuild, nothing changed", seconds(warm), 3, "s");
    const updated = edit?.details?.["pageUpdated"] === true;
    add("rebuild after editing one case", updated ? seconds(edit) : null, 1, "s", edit && !updated ? "the edited page did not show the edit when the build returned" : undefined);
    // The "done when": a contributor sees an edited case in the browser about a second after saving.
    if (preview) add("live preview shows an edited case (casebook dev, save to page served)", seconds(preview), 1, "s", preview.ok ? undefined : preview.note);
    const measured = [check, cold, warm, edit].filter((s): s is StepResult => Boolean(s));
    const peak = measured.length ? Math.max(...measured.map((s) => s.peakRssBytes)) / GiB : null;
    add("peak RSS of the process tree (check, builds)", peak, 2, "GiB");
  }
  // "At 10,000 cases it completes with memory growing no faster than linearly."
  const sorted = [...sizes].sort((a, b) => a.cases - b.cases);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    const peakOf = (s: SizeResult) => Math.max(0, ...[s.steps.cold, s.steps.warm, s.steps.edit].map((x) => (x?.ok ? x.peakRssBytes : 0)));
    const [pa, pb] = [peakOf(a), peakOf(b)];
    const growth = pa > 0 && pb > 0 ? pb / pa : null;
    const limit = b.cases / a.cases;
    lines.push({
      cases: b.cases,
      name: `memory growth ${a.cases} → ${b.cases} cases (peak ratio ≤ size ratio)`,
      value: growth === null ? null : round(growth, 2),
      limit: round(limit, 2),
      unit: "ratio",
      pass: growth !== null && growth <= limit,
      official: b.cases >= 10000,
    });
  }
  return lines;
}
