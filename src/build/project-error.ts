/**
 * A command cannot go on because of the project itself (no cases folder, an output folder it may not
 * replace…): the message says what, the hint what to do. A module of its own, so that the command
 * line can recognise it without loading the pipeline.
 */
export class ProjectError extends Error {
  override name = "ProjectError";
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}
