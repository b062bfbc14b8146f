/** A string literal (kept as it is), or a non-finite number DuckDB prints bare in JSON text. */
const NON_FINITE_OUTSIDE_STRINGS = /("(?:[^"\\]|\\.)*")|-?(?:NaN|Infinity)\b/g;

/**
 * A value an engine printed as JSON text. DuckDB prints NaN and ±Infinity of a double bare, which
 * is not JSON: they read as null, so a schema that wants a number reports them. Text that is no
 * JSON at all stays the string it is.
 */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(text.replace(NON_FINITE_OUTSIDE_STRINGS, (_match, literal: string | undefined) => literal ?? 'null'));
    } catch {
      return text;
    }
  }
}
