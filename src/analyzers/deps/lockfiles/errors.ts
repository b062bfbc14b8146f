/**
 * A lockfile that cannot be read as its format says. The dependency analyzer turns it into a
 * scan error for that one file; the rest of the assessment carries on. The message says what is
 * wrong without the location, which callers format from `file` and `line` as they like.
 */
export class LockfileError extends Error {
  override name = 'LockfileError';

  constructor(
    /** The lockfile, relative to the scanned root. */
    readonly file: string,
    message: string,
    /** 1-based line, when the problem can be pinned to one. */
    readonly line?: number,
  ) {
    super(message);
  }
}
