/** Printing failed: the message says what happened, the hint what to do. Nothing is written. */
export class PrintError extends Error {
  override name = "PrintError";
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}
