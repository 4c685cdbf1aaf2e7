import type { Root } from "mdast";
import type { CaseData, CaseSchemas, TranslationData } from "../../schema/case.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedFile } from "../load/load-casebook.js";
import { parseMarkdown } from "../markdown/parse-markdown.js";
import { bodyReferences, type BodyReferences } from "./body-references.js";
import { schemaDiagnostics } from "./schema-diagnostics.js";

/** A case file after validation: typed data where the schema accepted it, and its Markdown tree. */
export interface ValidatedFile extends LoadedFile {
  /** Whether the file is written as a translation (has `translatedFrom`), judged from the raw YAML. */
  isTranslation: boolean;
  original?: CaseData;
  translation?: TranslationData;
  mdast?: Root;
  references?: BodyReferences;
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
    validated.mdast = parseMarkdown(file.body);
    validated.references = bodyReferences(validated.mdast);
  }
  return { file: validated, diagnostics };
}
