import type { LoadedCasebook } from "../load/load-casebook.js";
import { parseBody } from "./body-parser.js";
import { validateLoaded, type ValidateContext, type ValidatedCasebook } from "./validate-loaded.js";

export type { ValidateContext, ValidatedCasebook } from "./validate-loaded.js";

/** Validates every file, then the rules that look across files. Pure: reads nothing from disk. */
export function validateCasebook(loaded: LoadedCasebook, ctx: ValidateContext): ValidatedCasebook {
  // With a parser, validateLoaded always answers.
  return validateLoaded(loaded, ctx, parseBody)!;
}
