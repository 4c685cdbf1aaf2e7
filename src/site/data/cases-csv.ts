import type { Language } from "../../../schema/languages.js";
import type { CaseData } from "../../../schema/case.js";
import type { Casebook, CaseEntry, CaseVersion } from "../../link/casebook-model.js";
import { licenseUrl } from "../cite/license-url.js";
import { absoluteUrl, paths } from "../urls.js";
import { orderedVersions } from "./cases-json.js";
import { csvCell, csvText } from "./csv-text.js";
import { retiredRecords } from "./retired-records.js";
import { countryNames, metricUnit, termLabel } from "./term-labels.js";

/** What a column's value is computed from: a case, one of its versions and the book. */
interface RowContext {
  book: Casebook;
  entry: CaseEntry;
  data: CaseData;
  version: CaseVersion;
  lang: Language;
}

export interface CsvColumn {
  name: string;
  description: string;
  value: (row: RowContext) => string | number | boolean | undefined | readonly (string | number)[];
}

/** Lists are joined with `; ` (a list item that itself contains `; ` is ambiguous: the JSON is lossless). */
const LIST_SEPARATOR = "; ";

/** The columns of `/data/cases.csv`: one row per case and language version; labels in the row's language. */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  { name: "id", description: "Permanent identifier of the case", value: (r) => r.entry.id },
  { name: "number", description: "Position of the case in the casebook", value: (r) => r.entry.number },
  { name: "language", description: "Language of this row's version", value: (r) => r.lang },
  { name: "original_language", description: "Language the case was written in", value: (r) => r.entry.originalLang },
  { name: "is_translation", description: "true for a translation", value: (r) => r.version.isTranslation },
  { name: "url", description: "URL of the case page in this language", value: (r) => absoluteUrl(r.book.config.baseUrl, paths.case(r.lang, r.entry.id)) },
  { name: "title", description: "Title in this language", value: (r) => r.version.title },
  { name: "summary", description: "Summary in this language", value: (r) => r.version.summary },
  { name: "tags", description: "Keywords in this language", value: (r) => r.version.tags },
  { name: "status", description: "Editorial status of this version", value: (r) => r.version.status },
  { name: "published", description: "Date this version was published", value: (r) => r.version.published },
  { name: "updated", description: "Date this version was last updated", value: (r) => r.version.updated },
  { name: "translators", description: "Translators of this version", value: (r) => r.version.translators.map((t) => t.name) },
  { name: "countries", description: "ISO 3166-1 alpha-2 codes; the first is where the practice happens", value: (r) => r.data.countries },
  { name: "country_names", description: "Country names in this language", value: (r) => r.data.countries.map((c) => countryNames(c)[r.lang]) },
  {
    name: "partners",
    description: "Partners as name (kind, country code)",
    value: (r) => r.data.partners.map((p) => `${p.name} (${termLabel(r.book.vocabularies.partnerKinds, p.kind, r.lang)}, ${p.country})`),
  },
  { name: "models", description: "Cooperation model ids", value: (r) => r.data.models },
  { name: "model_labels", description: "Cooperation models in this language", value: (r) => r.data.models.map((m) => termLabel(r.book.vocabularies.modelTypes, m, r.lang)) },
  { name: "direction", description: "Direction id", value: (r) => r.data.direction },
  { name: "direction_label", description: "Direction in this language", value: (r) => termLabel(r.book.vocabularies.directions, r.data.direction, r.lang) },
  { name: "sectors", description: "Sector ids", value: (r) => r.data.sectors },
  { name: "sector_labels", description: "Sectors in this language", value: (r) => r.data.sectors.map((s) => termLabel(r.book.vocabularies.sectors, s, r.lang)) },
  { name: "levels", description: "ISCED 2011 levels", value: (r) => r.data.levels ?? [] },
  { name: "period_start", description: "Year the cooperation started", value: (r) => r.data.period.start },
  { name: "period_end", description: "Year it ended (empty: ongoing)", value: (r) => r.data.period.end },
  { name: "outcomes", description: "Outcomes as metric: value unit (year; baseline)", value: (r) => (r.data.outcomes ?? []).map((o) => outcomeText(r, o)) },
  { name: "sdgs", description: "Sustainable Development Goals", value: (r) => r.data.sdgs ?? [] },
  { name: "authors", description: "Authors", value: (r) => r.data.authors.map((a) => a.name) },
  { name: "license", description: "SPDX license id of the case", value: (r) => r.data.license },
  { name: "license_url", description: "URL of the license", value: (r) => licenseUrl(r.data.license) },
  { name: "sources", description: "Sources as title <url>", value: (r) => (r.data.sources ?? []).map((s) => (s.url ? `${s.title} <${s.url}>` : s.title)) },
];

type Outcome = NonNullable<CaseData["outcomes"]>[number];

function outcomeText(r: RowContext, o: Outcome): string {
  const unit = metricUnit(r.book.vocabularies, o.metric);
  const suffix = unit === "currency" ? ` ${o.currency ?? ""}` : unit === "percent" ? "%" : unit === "hours" ? " h" : "";
  const baseline = o.baseline === undefined ? "" : `; baseline ${o.baseline}${unit === "percent" ? "%" : ""}`;
  return `${o.metric}: ${o.value}${suffix} (${o.year}${baseline})`;
}

function cellText(value: ReturnType<CsvColumn["value"]>): string {
  if (value === undefined) return "";
  if (Array.isArray(value)) return value.map(String).join(LIST_SEPARATOR);
  return String(value);
}

/** The header and the cells of every row, exactly as written to the file. */
export function casesCsvRows(book: Casebook): string[][] {
  const rows = [CSV_COLUMNS.map((c) => c.name)];
  for (const entry of book.cases)
    for (const version of orderedVersions(book, entry)) {
      const context: RowContext = { book, entry, data: entry.data, version, lang: version.lang };
      rows.push(CSV_COLUMNS.map((column) => csvCell(cellText(column.value(context)))));
    }
  // Renamed and withdrawn ids keep a row with their status (and their old URL, which still answers).
  const lang = book.config.defaultLanguage;
  for (const record of retiredRecords(book)) {
    const cells: Record<string, string> = { id: record.id, language: lang, url: record.urls[lang] ?? "", status: record.status };
    rows.push(CSV_COLUMNS.map((column) => csvCell(cells[column.name] ?? "")));
  }
  return rows;
}

/** `/data/cases.csv`: RFC 4180 with a UTF-8 BOM and CRLF line ends. */
export function casesCsv(book: Casebook): string {
  return csvText(casesCsvRows(book));
}
