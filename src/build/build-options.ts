import type { Language } from "../../schema/languages.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { EditionStamp } from "../release/edition-model.js";
import type { PrintProgress, PrintSummary } from "../print/print-casebook.js";

export interface BuildOptions {
  out: string;
  languages?: Language[];
  pdf: boolean;
  includeDrafts?: boolean;
  /** A release: the edition stamped on the site (banner, changelog page). */
  edition?: EditionStamp;
  /** The date (ISO) to build with, instead of SOURCE_DATE_EPOCH or now (a release's edition date). */
  date?: string;
  /**
   * Use the build cache (`.casebook-cache/` in the project): an unchanged build returns at once,
   * and the pages of unchanged cases are reused. The output is the same byte for byte either way.
   */
  cache?: boolean;
  /**
   * Make the search index before returning, when the build would leave it to a background job
   * (after a few case pages were made again): a script that publishes the output next, or a CI
   * job whose leftover processes are killed when it ends, needs the output complete.
   */
  waitForSearch?: boolean;
  /** Threads that render the site's case pages (default: one per CPU). */
  threads?: number;
  /** Called while PDFs are printed (the CLI draws a progress bar). */
  onProgress?: (progress: PrintProgress) => void;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  pages: number;
  cases: number;
  /**
   * When only a few edited cases' pages were made again and the rest of the output kept (see
   * quick-build.ts): their ids. The search index follows in the background, unless
   * `waitForSearch` was given.
   */
  updated?: string[];
  /** The books and case PDFs printed, when PDFs were asked for. */
  print?: PrintSummary;
}

/** The build date: SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
export function buildDate(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env["SOURCE_DATE_EPOCH"];
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
