import type { Root } from "mdast";
import type { CaseData, CaseSchemas, TranslationData } from "../../schema/case.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedFile } from "../load/load-casebook.js";
import { markdownLimitProblem } from "../markdown/markdown-limits.js";
import type { BodyReferences } from "./body-references.js";
import { fastBodyScan } from "./fast-body-scan.js";
import { bodyPlace } from "./places.js";
import { schemaDiagnostics } from "./schema-diagnostics.js";

/** A case file after validation: typed data where the schema accepted it, and its Markdown tree. */
export interface ValidatedFile extends LoadedFile {
  /** Whether the file is written as a translation (has `translatedFrom`), judged from the raw YAML. */
  isTranslation: boolean;
  original?: CaseData;
  translation?: TranslationData;
  /** The Markdown tree, when the body had to be parsed to be checked (later stages parse on demand). */
  mdast?: Root;
  references?: BodyReferences;
}

/**
 * Parses a body properly, for exact positions (after the fast scan found something, or gave up):
 * `parseBody` in body-parser.ts. It is passed in, so that `check` loads the Markdown parser only when
 * a file needs it (most clean files never do, and the parser is a fifth of `check`'s start-up).
 */
export type BodyParser = (file: ValidatedFile) => void;

/**
 * Validates one file. Without a `parse`, a body the fast scan cannot vouch for is left unread and
 * `needsParse` is set: the caller loads the parser and validates again.
 */
export function validateFile(file: LoadedFile, schemas: CaseSchemas, parse?: BodyParser): { file: ValidatedFile; diagnostics: Diagnostic[]; needsParse?: true } {
  const raw = file.frontmatter?.data;
  const isTranslation = raw !== undefined && Object.hasOwn(raw, "translatedFrom");
  const validated: ValidatedFile = { ...file, isTranslation };
  const diagnostics: Diagnostic[] = [];
  if (raw && file.frontmatter && file.source) {
    const schema = isTranslation ? schemas.translation : schemas.original;
    const result = schema.safeParse(raw, { reportInput: true });
    if (result.success) {
      if (isTranslation) validated.translation = result.data as TranslationData;
      else validated.original = result.data as CaseData;
    } else {
      diagnostics.push(
        ...schemaDiagnostics(result.error.issues, {
          doc: file.frontmatter.doc,
          yamlOffset: file.frontmatter.yamlOffset,
          source: file.source,
          display: file.ref.display,
          schema,
        }),
      );
    }
  }
  if (file.body !== undefined) {
    // A body too complex to parse in bounded time is reported and never parsed (see markdown-limits.ts).
    const limit = markdownLimitProblem(file.body);
    if (limit) {
      diagnostics.push(
        createDiagnostic({ ruleId: "body-too-complex", file: file.ref.display, place: bodyPlace(file, limit.offset, limit.offset + 1), reason: limit.reason }),
      );
      // No references: the body rules (links, images, sections) have nothing to say about it.
      return { file: validated, diagnostics };
    }
    const quick = fastBodyScan(file.body);
    if (quick) validated.references = quick;
    else if (parse) parse(validated);
    else return { file: validated, diagnostics, needsParse: true };
  }
  return { file: validated, diagnostics };
}
