/**
 * A vocabulary file is missing, unreadable or malformed. A module of its own, so that the command
 * line can recognise it without loading the schema library.
 */
export class VocabularyError extends Error {
  override name = "VocabularyError";
}
