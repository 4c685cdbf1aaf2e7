/** The documentation of one field of `/data/cases.json`, by path (`[]` an array item, `<lang>` a language code). */
export interface FieldDoc {
  name: string;
  description: string;
}

const LANG = "en, zh, fr or ru";
const term = (path: string, what: string): [string, string][] => [
  [`${path}.id`, `Identifier of the ${what} in the casebook's vocabulary.`],
  [`${path}.labels.<lang>`, `Label of the ${what} in each language (${LANG}).`],
];
const country = (path: string, what: string): [string, string][] => [
  [`${path}.code`, `ISO 3166-1 alpha-2 code of the ${what}.`],
  [`${path}.names.<lang>`, `Name of the ${what} in each language (${LANG}).`],
];

const FIELDS: [string, string][] = [
  ["title.<lang>", `Title of the casebook in each language (${LANG}).`],
  ["edition", "Edition of the casebook this file belongs to."],
  ["generated", "Date and time (ISO 8601) the file was built; reproducible from SOURCE_DATE_EPOCH."],
  ["license.id", "SPDX identifier of the license of the casebook as a whole."],
  ["license.url", "URL of that license."],
  ["schema", "URL of the JSON Schema of a case file's frontmatter."],
  ["fields[].name", "Path of a documented field: `[]` stands for an array item, `<lang>` for a language code."],
  ["fields[].description", "What the field holds."],
  ["cases[].id", "Permanent identifier of the case (kebab-case); also its folder name and part of its URL."],
  ["cases[].number", "Position of the case in the casebook (1-based, ordered by id)."],
  ["cases[].urls.<lang>", "URL of the case page in each language of the site; a language without a version shows the original."],
  ["cases[].originalLanguage", "Language the case was written in."],
  ["cases[].languages[]", "Languages the case is published in (original and translations), in the casebook's language order."],
  ...country("cases[].countries[]", "country the case involves; the first is where the practice happens"),
  ["cases[].partners[].name", "Name of a partner institution."],
  ...term("cases[].partners[].kind", "partner's kind"),
  ...country("cases[].partners[].country", "partner's country"),
  ...term("cases[].models[]", "cooperation model"),
  ...term("cases[].direction", "direction of cooperation (bring-in, go-global, two-way)"),
  ...term("cases[].sectors[]", "economic sector"),
  ["cases[].levels[].isced", "ISCED 2011 level (2–7) of the programmes involved."],
  ...term("cases[].levels[]", "ISCED level"),
  ["cases[].period.start", "Year the cooperation started."],
  ["cases[].period.end", "Year the cooperation ended; null while it is ongoing."],
  ...term("cases[].outcomes[].metric", "outcome metric"),
  ["cases[].outcomes[].metric.unit", "Unit the metric is measured in: count, percent, currency or hours."],
  ["cases[].outcomes[].value", "Reported value, in the metric's unit."],
  ["cases[].outcomes[].currency", "ISO 4217 currency code of a currency value; null for other units."],
  ["cases[].outcomes[].year", "Year the value refers to."],
  ["cases[].outcomes[].baseline", "Value before the cooperation, for comparison; null when not reported."],
  ["cases[].outcomes[].source", "Where the value comes from; null when not given."],
  ["cases[].outcomes[].note", "Note on how to read the value; null when none."],
  ["cases[].sdgs[]", "UN Sustainable Development Goals (1–17) the case contributes to."],
  ["cases[].authors[].name", "Name of an author, as written by the author."],
  ["cases[].authors[].affiliation", "Author's affiliation; null when not given."],
  ["cases[].authors[].orcid", "Author's ORCID iD (checksum verified); null when not given."],
  ["cases[].license.id", "SPDX identifier of the license of the case."],
  ["cases[].license.url", "URL of that license."],
  ["cases[].sources[].title", "Title of a source the case draws on."],
  ["cases[].sources[].url", "URL of the source; null when not given."],
  ["cases[].sources[].publisher", "Publisher of the source; null when not given."],
  ["cases[].sources[].year", "Year of the source; null when not given."],
  ["cases[].linksTo[]", "Ids of other cases this case links to."],
  ["cases[].versions.<lang>.title", "Title of the case in that language."],
  ["cases[].versions.<lang>.summary", "Summary of the case in that language (plain text)."],
  ["cases[].versions.<lang>.tags[]", "Free keywords in that language."],
  ["cases[].versions.<lang>.status", "Editorial status of that version (review or published; drafts are never released)."],
  ["cases[].versions.<lang>.published", "Date (YYYY-MM-DD) that version was first published."],
  ["cases[].versions.<lang>.updated", "Date (YYYY-MM-DD) that version was last updated; null if never."],
  ["cases[].versions.<lang>.translators[].name", "Name of a translator of that version."],
  ["cases[].versions.<lang>.translators[].affiliation", "Translator's affiliation; null when not given."],
  ["cases[].versions.<lang>.isTranslation", "True when the version is a translation, false for the original."],
  ["cases[].versions.<lang>.url", "URL of the case page in that language."],
  ["retired[].id", "A case id that is no longer published under its own name; its URLs still answer."],
  ["retired[].status", "renamed (its URLs redirect to the new id) or withdrawn (its URLs say why)."],
  ["retired[].replacedBy", "The id a renamed case is published under now; null for a withdrawn case."],
  ["retired[].reason.<lang>", "Why the case was withdrawn, in each language; null for a renamed case."],
  ["retired[].urls.<lang>", "The case's old URL in each language."],
];

/** Every field of `/data/cases.json`, documented inside the file itself. */
export const CASES_JSON_FIELDS: readonly FieldDoc[] = FIELDS.map(([name, description]) => ({ name, description }));
