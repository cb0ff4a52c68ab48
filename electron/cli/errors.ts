/** A failure the user can fix (a bad flag, a missing folder): printed as one line, no stack trace. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
