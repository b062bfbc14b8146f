/** A problem the user can fix (bad flag, bad config): reported in one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
