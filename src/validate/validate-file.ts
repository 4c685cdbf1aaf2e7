import type { Root } from "mdast";
import type { CaseData, CaseSchemas, TranslationData } from "../../schema/case.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedFile } from "../load/load-casebook.js";
import { markdownLimitProblem } from "../markdown/markdown-limits.js";
import { parseMarkdown } from "../markdown/parse-markdown.js";
import { bodyReferences, type BodyReferences } from "./body-references.js";
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

/** Parses the body properly, for exact positions (after the fast scan found something, or gave up). */
export function parseBody(file: ValidatedFile): void {
  if (file.body === undefined) return;
  file.mdast = parseMarkdown(file.body);
  file.references = bodyReferences(file.mdast);
}

export function validateFile(file: LoadedFile, schemas: CaseSchemas): { file: ValidatedFile; diagnostics: Diagnostic[] } {
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
    else parseBody(validated);
  }
  return { file: validated, diagnostics };
}
