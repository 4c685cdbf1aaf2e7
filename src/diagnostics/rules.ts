/**
 * The catalogue of diagnostics. A rule id is permanent: never rename one, only add.
 * Each rule says how severe it is and what to do about it (the hint shown under the message).
 */
export type Severity = "error" | "warning";

export interface Rule {
  severity: Severity;
  /** What to do, in one sentence, shown as the hint when the message has none of its own. */
  hint: string;
}

const error = (hint: string): Rule => ({ severity: "error", hint });
const warning = (hint: string): Rule => ({ severity: "warning", hint });

export const RULES = {
  // Files and folders
  "file-unreadable": error("Make sure the path is a readable file (not a folder) and that you have permission to read it."),
  "file-empty": error("Start the file with a frontmatter block between two `---` lines; `casebook new <id>` writes a template."),
  "file-encoding": error("Save the file as UTF-8 (in most editors: File → Save with encoding → UTF-8)."),
  "file-bom": warning("Save the file as UTF-8 without a byte-order mark (BOM)."),
  "file-line-endings": warning("Save the file with LF (Unix) line endings; set `git config core.autocrlf input` to keep them."),
  "file-too-large": error("Split very long material into several cases, or move data to linked sources."),
  // Security limits (see SECURITY.md): hostile sizes and files that could run in a reader's browser.
  "body-too-complex": error("Nest lists and quotations fewer levels deep, and split very long paragraphs."),
  "asset-unsafe": error("Use PNG, JPEG, GIF, WebP or AVIF, or an SVG without scripts, event handlers, links, embedded HTML or references to other files."),
  "assets-too-many": error("Keep only the files the case uses in its images/ folder."),
  "stray-file": warning("Case folders hold only `<lang>.md` files and an `images/` folder; move or delete this file."),
  "case-id": error("Rename the folder: case ids are lower-case words joined by hyphens, e.g. `tianjin-thailand-rail-workshop`."),
  "language-unknown": error("Name case files after a supported language: en.md, zh.md, fr.md or ru.md."),
  // Frontmatter syntax
  "frontmatter-missing": error("Start the file with `---` on its own line, the fields, then `---` again."),
  "frontmatter-unterminated": error("Close the frontmatter with a line holding only `---`."),
  "frontmatter-empty": error("Fill in the frontmatter fields; `casebook new <id>` writes a template."),
  "frontmatter-syntax": error("Check the YAML syntax near this point: indentation, colons and quotes."),
  "frontmatter-duplicate-key": error("Keep only one of the repeated keys."),
  "frontmatter-tab": error("Indent YAML with spaces, never tabs."),
  "frontmatter-not-mapping": error("The frontmatter must be a list of `key: value` fields."),
  "frontmatter-alias": error("Write the values out instead of using YAML anchors and aliases (`&name`, `*name`)."),
  "frontmatter-ambiguous-boolean": warning("Put the value in quotes: other YAML readers take yes/no/on/off as true/false."),
  // Frontmatter content
  "frontmatter-required": error("Add the missing field."),
  "frontmatter-unknown-key": error("Remove the field or correct its name."),
  "frontmatter-type": error("Change the value to the expected type."),
  "frontmatter-length": error("Shorten or lengthen the text to fit the limits."),
  "frontmatter-range": error("Use a value inside the allowed range."),
  "frontmatter-list-size": error("Give at least the required number of items."),
  "frontmatter-format": error("Write the value in the expected format."),
  "frontmatter-enum": error("Use one of the allowed values."),
  "list-duplicate": error("Remove the repeated item."),
  "vocabulary-unknown-term": error("Use a term id from schema/vocabularies/, or ask the editors to add a new term."),
  "country-code": error("Use an ISO 3166-1 alpha-2 country code in capitals, e.g. CN, TH, GB."),
  "license-spdx": error("Use an SPDX license identifier such as CC-BY-4.0 (https://spdx.org/licenses/)."),
  "summary-markup": error("Write the summary as plain sentences; use the body for formatting and links."),
  "orcid-checksum": error("Copy the ORCID iD again from the author's ORCID record; one digit is wrong."),
  "period-order": error("Make `period.end` the same as or later than `period.start`, or remove it if the case is ongoing."),
  "dates-order": error("Make `updated` the same as or later than `published`."),
  "outcome-percent": error("Percentages are between 0 and 100; check the value or choose a count metric."),
  "outcome-currency": error("Give `currency` (ISO 4217, e.g. CNY) for money metrics only."),
  "outcome-year": warning("Check the year: outcomes are normally measured during the case's period."),
  "outcomes-missing": warning("Add at least one outcome with a figure so readers can see what the cooperation achieved."),
  // Cases and translations
  "case-original-missing": error("Every case needs one original: a language file without `translatedFrom`."),
  "case-original-duplicate": error("Only one file of a case is the original; mark the others with `translatedFrom`."),
  "translation-source-missing": error("Point `translatedFrom` at a language file that exists in this case folder and is the original."),
  "translation-conflict": error("Remove the field from the translation (it inherits it) or make it identical to the original."),
  "translation-stale": warning(
    "Bring the translation up to date with its original, then run `casebook stamp <id> --lang <lang>` to record that it is current.",
  ),
  "translation-unversioned": warning(
    "Once the translation matches its original, run `casebook stamp <id> --lang <lang>` to record which version it was made from.",
  ),
  // Permanent links (casebook.config.yaml: redirects, withdrawn)
  "redirect-target-missing": error("Point the redirect at the id of a case that exists in the cases folder."),
  "redirect-chain": error("Point every old id straight at the case's current id; a redirect may not lead to another redirect or back to itself."),
  "permalink-case-exists": error("An id that is redirected or withdrawn may not also be a case folder: remove the entry, or rename the folder."),
  "permalink-conflict": error("Declare an old id once: either in `redirects` or in `withdrawn`."),
  // Body
  "case-link-broken": error("Link to an existing case id, e.g. `[text](case:tianjin-thailand-rail-workshop)`."),
  "image-missing": error("Add the image to the case's `images/` folder or correct the path."),
  "path-outside-case": error("Keep images and covers inside the case folder and use a relative path such as `images/photo.jpg`."),
  "image-alt-missing": error("Describe the image in the brackets: `![what the image shows](images/photo.jpg)`."),
  "raw-html-url": warning("Write images and links in Markdown (`![what it shows](images/photo.jpg)`, `[text](https://…)`): in raw HTML an image outside the case folder is removed from the page, and a link out of the folder leads nowhere."),
  "section-missing": warning("Add the recommended section, or rename the heading to the recommended title."),
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}
