import { MiB, type BenchReport, type StepResult, type TargetLine } from "./results.js";

const LABELS: Record<StepResult["step"], string> = {
  check: "check",
  baseline: "baseline: unified + bare Pagefind",
  cold: "cold build --no-pdf",
  warm: "warm rebuild, nothing changed",
  edit: "rebuild after editing one case",
  preview: "preview: edit shown (casebook dev)",
  pdf: "build with PDF",
};

const pad = (s: string, n: number, right = false) => (right ? s.padStart(n) : s.padEnd(n));

function row(step: StepResult): string {
  const wall = step.ok ? `${(step.wallMs / 1000).toFixed(2)} s` : "—";
  const rate = step.ok ? step.casesPerSecond.toFixed(0) : "—";
  const peak = `${(step.peakRssBytes / MiB).toFixed(0)} MiB`;
  const procs = String(Math.max(0, ...step.runs.map((r) => r.peakProcesses)));
  const cpu = `${(step.cpuMs / 1000).toFixed(1)} s`;
  const other = step.foreignCpus.toFixed(2);
  const tail = Math.max(0, ...step.runs.map((r) => r.tailMs));
  const byName: Record<string, number> = {};
  for (const r of step.runs) for (const [name, bytes] of Object.entries(r.peakRssByName ?? {})) byName[name] = Math.max(byName[name] ?? 0, bytes);
  const names = Object.entries(byName).sort((a, b) => b[1] - a[1]);
  const split = names.length > 1 ? `largest by process: ${names.slice(0, 3).map(([n, b]) => `${n} ${(b / MiB).toFixed(0)}`).join(", ")} MiB` : "";
  const notes = [step.note, tail > 0 ? `background work ran ${(tail / 1000).toFixed(1)} s after exit` : "", split].filter(Boolean).join("; ");
  return `${pad(String(step.cases), 6, true)}  ${pad(LABELS[step.step], 34)} ${pad(wall, 10, true)} ${pad(rate, 8, true)} ${pad(peak, 10, true)} ${pad(procs, 5, true)} ${pad(cpu, 8, true)} ${pad(other, 6, true)}  ${notes}`;
}

function targetLine(t: TargetLine): string {
  const verdict = t.pass ? "PASS" : "FAIL";
  const value = t.value === null ? "n/a" : `${t.value}${t.unit === "ratio" ? "×" : ` ${t.unit}`}`;
  const limit = `${t.limit}${t.unit === "ratio" ? "×" : ` ${t.unit}`}`;
  const scope = t.official ? "" : " (reference: targets are set at 4,000)";
  return `${verdict}  ${pad(String(t.cases), 6, true)}  ${t.name}: ${value} (target ≤ ${limit})${scope}${t.detail ? ` — ${t.detail}` : ""}`;
}

/** The human-readable summary printed at the end of a run. */
export function formatReport(report: BenchReport): string {
  const m = report.machine;
  const out: string[] = [];
  out.push(`Casebook benchmark — ${m.nproc} CPUs (${m.cpuModel}), ${(m.memTotalBytes / 1024 ** 3).toFixed(1)} GiB RAM, Node ${m.node}, ${m.os}`);
  out.push(`commit ${m.commit.slice(0, 12) || "?"}${m.dirty.length ? ` + ${m.dirty.length} uncommitted change(s)` : ""}; compile ${report.compile.ran ? (report.compile.ok ? "ok" : `with ${report.compile.errors.length} TypeScript error(s)`) : "skipped"}`);
  out.push("");
  out.push(`${pad("cases", 6, true)}  ${pad("step", 34)} ${pad("wall", 10, true)} ${pad("cases/s", 8, true)} ${pad("peak RSS", 10, true)} ${pad("procs", 5, true)} ${pad("CPU", 8, true)} ${pad("other", 6, true)}  notes`);
  for (const size of report.sizes) {
    for (const step of ["check", "baseline", "cold", "warm", "edit", "preview"] as const) {
      const s = size.steps[step];
      if (s) out.push(row(s));
    }
    const b = size.steps.baseline?.details as { unifiedMs?: number; pagefindMs?: number } | undefined;
    if (b?.unifiedMs !== undefined && b.pagefindMs !== undefined)
      out.push(
        `${pad("", 6)}  baseline phases: unified ${(b.unifiedMs / 1000).toFixed(2)} s + Pagefind ${(b.pagefindMs / 1000).toFixed(2)} s; ` +
          `cold build / baseline = ${size.ratio === null ? "n/a" : `${size.ratio.toFixed(2)}×`} wall` +
          (size.cpuRatio ? `, ${size.cpuRatio.toFixed(2)}× CPU` : ""),
      );
  }
  if (report.pdf) out.push(row(report.pdf));
  out.push(
    "",
    "wall: median over runs; peak RSS: largest sum of VmRSS over the whole process tree, sampled every 50 ms;",
    "CPU: user+system time of the tree; other: CPUs used by other processes meanwhile (above ~0.2, wall times are inflated).",
  );
  out.push("", "Targets (issue 6):");
  for (const t of report.targets) out.push(targetLine(t));
  return `${out.join("\n")}\n`;
}
