import { z } from "zod";
import { createCaseSchemas } from "./case.js";
import type { Vocabularies } from "./vocabularies.js";

/**
 * The JSON Schema of a case file's frontmatter, generated from the zod schemas (input side, so
 * fields with defaults are optional). Never written by hand: `casebook schema` prints it.
 */
export function caseJsonSchema(vocabularies: Vocabularies): Record<string, unknown> {
  const { original, translation } = createCaseSchemas(vocabularies);
  const options = { io: "input", unrepresentable: "any", target: "draft-2020-12" } as const;
  const strip = (schema: Record<string, unknown>) => {
    const { $schema: _ignored, ...rest } = schema;
    return rest;
  };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://casebook.example.org/schema/case.schema.json",
    title: "Casebook case frontmatter",
    description:
      "The YAML frontmatter of cases/<id>/<lang>.md: an original carries every field; a translation carries translatedFrom and its own text fields.",
    oneOf: [
      { title: "Original", ...strip(z.toJSONSchema(original, options) as Record<string, unknown>) },
      { title: "Translation", ...strip(z.toJSONSchema(translation, options) as Record<string, unknown>) },
    ],
  };
}
