/**
 * A manifest that cannot be read as its format says: reported as a scan error for that one
 * file. The message leaves the line out, so the reporter can place it as it places others.
 */
export class ManifestError extends Error {
  override name = 'ManifestError';

  constructor(
    message: string,
    /** 1-based line of the problem, when the format has lines and the place is known. */
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Runs `parse`, placing a ManifestError that has no line yet at `line`. */
export function atLine<T>(line: number | undefined, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ManifestError && error.line === undefined && line !== undefined) throw new ManifestError(error.message, line);
    throw error;
  }
}

/** Quotes a piece of the manifest for a message, cut short so a huge line stays a short message. */
export function excerpt(text: string): string {
  const limit = 80;
  return JSON.stringify(text.length > limit ? `${text.slice(0, limit)}…` : text);
}
