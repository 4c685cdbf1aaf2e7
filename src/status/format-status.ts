import pc from "picocolors";
import type { Vocabularies } from "../../schema/vocabularies.js";
import type { CoverageState, StatusReport, TranslationRef } from "./casebook-status.js";

const SYMBOLS: Record<CoverageState, string> = {
  original: "●",
  translation: "✓",
  stale: "!",
  unversioned: "?",
  unknown: "✗",
  missing: "·",
};
const LEGEND: Record<CoverageState, string> = {
  original: "original",
  translation: "translation",
  stale: "stale translation",
  unversioned: "unversioned translation",
  unknown: "unreadable (see casebook check)",
  missing: "missing",
};

/** The status report for a terminal: cases by status, the coverage matrix, translations to look at. */
export function formatStatus(report: StatusReport, vocabularies: Vocabularies, options: { color: boolean }): string {
  const c = pc.createColors(options.color);
  const paint: Record<CoverageState, (s: string) => string> = {
    original: c.bold,
    translation: c.green,
    stale: c.yellow,
    unversioned: c.yellow,
    unknown: c.red,
    missing: c.dim,
  };
  const label = (status: string) => vocabularies.statuses.find((s) => s.id === status)?.labels.en ?? "Unknown status";
  const out: string[] = [];
  const total = report.cases.length;
  out.push(c.bold(`${plural(total, "case")}`) + (total ? `: ${report.statuses.map((s) => `${report.byStatus[s]?.length ?? 0} ${label(s).toLowerCase()}`).join(", ")}` : ""));
  if (total === 0) return `${out.join("\n")}\n`;

  out.push("", c.bold("Cases by status"));
  const width = Math.max(...report.statuses.map((s) => `${label(s)} (${report.byStatus[s]?.length ?? 0})`.length));
  for (const status of report.statuses) {
    const ids = report.byStatus[status] ?? [];
    const head = `${label(status)} (${ids.length})`.padEnd(width);
    // Published cases are the settled ones; list the ids of every other status, which need work.
    const listed = status === "published" ? [] : ids;
    out.push(`  ${head}${listed.length ? `  ${listed[0]}` : ""}`.trimEnd());
    for (const id of listed.slice(1)) out.push(`  ${" ".repeat(width)}  ${id}`);
  }

  out.push("", c.bold("Language coverage"));
  const idWidth = Math.max(...report.cases.map((x) => x.id.length), "cases in the language".length);
  const statusWidth = Math.max(...report.cases.map((x) => x.status.length), 6);
  const cell = (s: string) => s.padEnd(4);
  out.push(`  ${"".padEnd(idWidth)}  ${"status".padEnd(statusWidth)}  ${report.languages.map(cell).join("").trimEnd()}`);
  for (const x of report.cases) {
    const cells = report.languages.map((l) => {
      const state = x.languages[l]?.state ?? "missing";
      return paint[state](SYMBOLS[state]) + "   ";
    });
    out.push(`  ${x.id.padEnd(idWidth)}  ${x.status.padEnd(statusWidth)}  ${cells.join("").trimEnd()}`);
  }
  const counts = report.languages.map((l) => cell(String(report.coverage[l] ?? 0)));
  out.push(`  ${"cases in the language".padEnd(idWidth)}  ${"".padEnd(statusWidth)}  ${counts.join("").trimEnd()}`);
  const used = new Set(report.cases.flatMap((x) => Object.values(x.languages).map((v) => v.state)));
  out.push(
    `  ${(Object.keys(SYMBOLS) as CoverageState[])
      .filter((s) => used.has(s))
      .map((s) => `${paint[s](SYMBOLS[s])} ${LEGEND[s]}`)
      .join("   ")}`,
  );

  const section = (title: string, refs: readonly TranslationRef[], line: (r: TranslationRef) => string) => {
    if (refs.length === 0) return;
    out.push("", c.bold(`${title} (${refs.length})`));
    for (const r of refs) out.push(`  ${r.file}`, `    ${line(r)}`);
  };
  section(
    "Stale translations",
    report.stale,
    (r) => `made from ${fileName(r.original)} ${r.sourceHash}, which is now ${r.currentHash}; update it, then run: casebook stamp ${r.id} --lang ${r.lang}`,
  );
  section(
    "Unversioned translations",
    report.unversioned,
    (r) => `records no sourceHash; once it matches ${fileName(r.original)}, run: casebook stamp ${r.id} --lang ${r.lang}`,
  );
  return `${out.join("\n")}\n`;
}

const fileName = (path: string) => path.slice(path.lastIndexOf("/") + 1);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
