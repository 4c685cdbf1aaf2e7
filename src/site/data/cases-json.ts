import { LANGUAGES, type Language } from "../../../schema/languages.js";
import type { LocalizedText } from "../../../schema/vocabularies.js";
import type { Casebook, CaseEntry, CaseVersion } from "../../link/casebook-model.js";
import { localize } from "../../link/localize.js";
import { licenseUrl } from "../cite/license-url.js";
import { absoluteUrl, paths } from "../urls.js";
import { CASES_JSON_FIELDS, type FieldDoc } from "./cases-json-fields.js";
import { retiredRecords, type RetiredRecord } from "./retired-records.js";
import { countryNames, metricUnit, termLabels } from "./term-labels.js";

export interface TermRef { id: string; labels: LocalizedText }
export interface CountryRef { code: string; names: LocalizedText }
export interface License { id: string; url: string }
export interface Person { name: string; affiliation: string | null; orcid: string | null }

export interface VersionRecord {
  title: string;
  summary: string;
  tags: string[];
  status: string;
  published: string;
  updated: string | null;
  translators: { name: string; affiliation: string | null }[];
  isTranslation: boolean;
  url: string;
}

export interface CaseRecord {
  id: string;
  number: number;
  urls: Partial<Record<Language, string>>;
  originalLanguage: Language;
  languages: Language[];
  countries: CountryRef[];
  partners: { name: string; kind: TermRef; country: CountryRef }[];
  models: TermRef[];
  direction: TermRef;
  sectors: TermRef[];
  levels: (TermRef & { isced: number })[];
  period: { start: number; end: number | null };
  outcomes: {
    metric: TermRef & { unit: string };
    value: number;
    currency: string | null;
    year: number;
    baseline: number | null;
    source: string | null;
    note: string | null;
  }[];
  sdgs: number[];
  authors: Person[];
  license: License;
  sources: { title: string; url: string | null; publisher: string | null; year: number | null }[];
  linksTo: string[];
  versions: Partial<Record<Language, VersionRecord>>;
}

export interface CasesJson {
  title: LocalizedText;
  edition: string;
  generated: string;
  license: License;
  schema: string;
  fields: FieldDoc[];
  cases: CaseRecord[];
  /** Ids no longer published under their own name (renamed or withdrawn), kept with their status. */
  retired: RetiredRecord[];
}

export interface CasesJsonOptions {
  /** The build's date (ISO), derived by the caller from SOURCE_DATE_EPOCH. */
  buildDate: string;
}

/** The open data of the whole casebook: every published case with its neutral fields and each language version. */
export function casesJson(book: Casebook, options: CasesJsonOptions): CasesJson {
  const { config } = book;
  const retired = retiredRecords(book);
  return {
    title: Object.fromEntries(LANGUAGES.map((l) => [l, localize(config.title, l)])) as LocalizedText,
    edition: config.edition,
    generated: options.buildDate,
    license: { id: config.license, url: licenseUrl(config.license) },
    schema: absoluteUrl(config.baseUrl, paths.schema()),
    // The fields of retired records are documented when the file has some.
    fields: CASES_JSON_FIELDS.filter((f) => retired.length > 0 || !f.name.startsWith("retired[]")).map((f) => ({ ...f })),
    cases: book.cases.map((entry) => caseRecord(book, entry)),
    retired,
  };
}

/** The open data as text: 2-space indentation and a final newline. */
export function casesJsonText(book: Casebook, options: CasesJsonOptions): string {
  return `${JSON.stringify(casesJson(book, options), null, 2)}\n`;
}

/** The versions of a case in the casebook's language order. */
export function orderedVersions(book: Casebook, entry: CaseEntry): CaseVersion[] {
  const order = [...book.languages, ...LANGUAGES.filter((l) => !book.languages.includes(l))];
  return order.flatMap((lang) => entry.versions.get(lang) ?? []);
}

function caseRecord(book: Casebook, entry: CaseEntry): CaseRecord {
  const { data, id } = entry;
  const v = book.vocabularies;
  const base = book.config.baseUrl;
  const country = (code: string): CountryRef => ({ code, names: countryNames(code) });
  const term = (terms: typeof v.sectors, termId: string): TermRef => ({ id: termId, labels: termLabels(terms, termId) });
  const versions = orderedVersions(book, entry);
  return {
    id,
    number: entry.number,
    urls: Object.fromEntries(book.languages.map((l) => [l, absoluteUrl(base, paths.case(l, id))])),
    originalLanguage: entry.originalLang,
    languages: versions.map((version) => version.lang),
    countries: data.countries.map(country),
    partners: data.partners.map((p) => ({ name: p.name, kind: term(v.partnerKinds, p.kind), country: country(p.country) })),
    models: data.models.map((m) => term(v.modelTypes, m)),
    direction: term(v.directions, data.direction),
    sectors: data.sectors.map((s) => term(v.sectors, s)),
    levels: (data.levels ?? []).map((level) => ({ isced: level, ...term(v.levels, String(level)) })),
    period: { start: data.period.start, end: data.period.end ?? null },
    outcomes: (data.outcomes ?? []).map((o) => ({
      metric: { ...term(v.metrics, o.metric), unit: metricUnit(v, o.metric) },
      value: o.value,
      currency: o.currency ?? null,
      year: o.year,
      baseline: o.baseline ?? null,
      source: o.source ?? null,
      note: o.note ?? null,
    })),
    sdgs: [...(data.sdgs ?? [])],
    authors: data.authors.map((a) => ({ name: a.name, affiliation: a.affiliation ?? null, orcid: a.orcid ?? null })),
    license: { id: data.license, url: licenseUrl(data.license) },
    sources: (data.sources ?? []).map((s) => ({ title: s.title, url: s.url ?? null, publisher: s.publisher ?? null, year: s.year ?? null })),
    linksTo: [...entry.linksTo],
    versions: Object.fromEntries(versions.map((version) => [version.lang, versionRecord(base, id, version)])),
  };
}

function versionRecord(base: string, id: string, version: CaseVersion): VersionRecord {
  return {
    title: version.title,
    summary: version.summary,
    tags: [...version.tags],
    status: version.status,
    published: version.published,
    updated: version.updated ?? null,
    translators: version.translators.map((t) => ({ name: t.name, affiliation: t.affiliation ?? null })),
    isTranslation: version.isTranslation,
    url: absoluteUrl(base, paths.case(version.lang, id)),
  };
}
