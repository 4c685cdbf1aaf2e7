// Functions that run inside the book's tab (through `page.evaluate`), with just the DOM they use:
// Casebook compiles without the DOM library.

interface El {
  hidden: boolean;
  setAttribute(name: string, value: string): void;
  textContent: string | null;
  dataset: Record<string, string | undefined>;
  classList: { toggle(name: string, force?: boolean): boolean };
  style: { setProperty(name: string, value: string): void; removeProperty(name: string): void };
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El>;
  getClientRects(): { length: number };
}
declare const document: { documentElement: El; body: El; querySelector(selector: string): El | null; querySelectorAll(selector: string): Iterable<El>; fonts: { ready: Promise<unknown> } };

/** What the DOM shows in one pass: the page numbers and the blank left-hand pages. */
export interface PassState {
  numbers: Record<string, number>;
  fillers: string[];
  /** The number of this document's first page in the book (a chunk starts where the one before ended). */
  firstPage: number;
  /**
   * A print that only measures where anchors land: nothing is painted. `visibility` changes no box
   * and no page break, and Chromium still records the named destinations (from the layout), so the
   * pages come out the same, blank, at a fraction of the cost of painting text and images.
   */
  measuring?: boolean;
}

/**
 * Writes the numbers into every `[data-ref]` and shows the needed fillers. A number wider than the
 * slot the book reserved (`data-slot`, see `print-context.ts`) widens every slot, which moves text:
 * the pass that follows then measures again.
 */
export function applyState(state: PassState): void {
  // Chromium counts pages from the root's `counter-reset: page N`: the first page is N + 1.
  document.documentElement.style.setProperty("counter-reset", `page ${state.firstPage - 1}`);
  if (state.measuring) document.documentElement.style.setProperty("visibility", "hidden");
  else document.documentElement.style.removeProperty("visibility");
  const widest = Math.max(0, ...Object.values(state.numbers).map((n) => String(n).length));
  for (const el of document.querySelectorAll("[data-ref]")) {
    const n = state.numbers[el.dataset["ref"] ?? ""];
    if (n !== undefined) el.textContent = String(n);
    const slot = el.dataset["slot"] ?? "";
    if (widest > slot.length) el.setAttribute("data-slot", "0".repeat(widest));
  }
  const shown = new Set(state.fillers);
  for (const el of document.querySelectorAll(".verso-filler")) el.hidden = !shown.has(el.dataset["for"] ?? "");
}

/** Resolves when every web font the layout needs has loaded. */
export async function fontsReady(): Promise<void> {
  await document.fonts.ready;
}

/**
 * The headings Chromium turns into bookmarks, in order: their text, and the title the bookmark
 * should have (`data-outline`, else the text). Chromium builds bookmark titles from the laid-out
 * lines and drops the space where a heading wraps; `pdf/outline-titles.ts` puts these back.
 */
export function headingTitles(): { text: string; title: string }[] {
  const out: { text: string; title: string }[] = [];
  for (const el of document.querySelectorAll("h1, h2, h3, h4, h5, h6, [role=heading]")) {
    if (el.getClientRects().length === 0) continue;
    const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    if (text) out.push({ text, title: (el.dataset["outline"] ?? text).replace(/\s+/g, " ").trim() });
  }
  return out;
}
