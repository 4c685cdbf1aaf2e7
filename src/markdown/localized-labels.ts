import type { Lang } from "./render-context.js";

interface Labels {
  /** Heading of the footnotes section (hidden to sight, read by screen readers). */
  footnotes: string;
  /** Label of a footnote's link back to where it is called: `reference` is 1-based, `repeat` counts repeated calls. */
  backToReference: (reference: number, repeat: number) => string;
  /** Name of the scrollable region around a table. */
  table: (n: number) => string;
}

const callNumber = (reference: number, repeat: number) => (repeat > 1 ? `${reference}-${repeat}` : `${reference}`);

export const LABELS: Record<Lang, Labels> = {
  en: {
    footnotes: "Footnotes",
    backToReference: (r, n) => `Back to reference ${callNumber(r, n)}`,
    table: (n) => `Table ${n}`,
  },
  zh: {
    footnotes: "脚注",
    backToReference: (r, n) => `返回引用 ${callNumber(r, n)}`,
    table: (n) => `表 ${n}`,
  },
  fr: {
    footnotes: "Notes",
    backToReference: (r, n) => `Retour à l’appel de note ${callNumber(r, n)}`,
    table: (n) => `Tableau ${n}`,
  },
  ru: {
    footnotes: "Примечания",
    backToReference: (r, n) => `Вернуться к сноске ${callNumber(r, n)}`,
    table: (n) => `Таблица ${n}`,
  },
};
