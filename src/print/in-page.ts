// Functions that run inside the book's tab (through `page.evaluate`), with just the DOM they use:
// Casebook compiles without the DOM library.

interface El {
  hidden: boolean;
  textContent: string | null;
  dataset: Record<string, string | undefined>;
  classList: { toggle(name: string, force?: boolean): boolean };
  style: { setProperty(name: string, value: string): void };
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El>;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
}
declare const document: { body: El; querySelector(selector: string): El | null; querySelectorAll(selector: string): Iterable<El>; fonts: { ready: Promise<unknown> } };

/** What the DOM shows in one pass: the page numbers, the blank left-hand pages, fixed-width number slots. */
export interface PassState {
  numbers: Record<string, number>;
  fillers: string[];
  fixedSlots: boolean;
}

/** Writes the numbers into every `[data-ref]` and shows the needed fillers. */
export function applyState(state: PassState): void {
  const body = document.body;
  body.classList.toggle("fixed-page-numbers", state.fixedSlots);
  const widest = Math.max(2, ...Object.values(state.numbers).map((n) => String(n).length));
  body.style.setProperty("--page-digits", String(widest));
  for (const el of document.querySelectorAll("[data-ref]")) {
    const n = state.numbers[el.dataset["ref"] ?? ""];
    if (n !== undefined) el.textContent = String(n);
  }
  const shown = new Set(state.fillers);
  for (const el of document.querySelectorAll(".verso-filler")) el.hidden = !shown.has(el.dataset["for"] ?? "");
}

/** Resolves when every web font the layout needs has loaded. */
export async function fontsReady(): Promise<void> {
  await document.fonts.ready;
}
