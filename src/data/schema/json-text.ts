import type { DataEngine } from '../engines/engine.js';

/** A string literal (kept as it is), or a non-finite number DuckDB prints bare in JSON text. */
const NON_FINITE_OUTSIDE_STRINGS = /("(?:[^"\\]|\\.)*")|-?(?:NaN|Infinity)\b/g;

/**
 * A value an engine printed as JSON text. DuckDB prints NaN and ±Infinity of a double bare, which
 * is not JSON: they read as null, so a schema that wants a number reports them. Text that is no
 * JSON at all stays the string it is.
 */
function parseJsonText(text: string): unknown {
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

/** Each row's values of the named columns as JSON (SQL NULL as null), read a batch of rows at a time. */
export async function forEachJsonRow(engine: DataEngine, names: string[], visit: (values: unknown[]) => void): Promise<void> {
  const d = engine.dialect;
  const sql = `SELECT ${names.map((name) => d.jsonText(d.quoteIdent(name))).join(', ')} FROM ${engine.relation}`;
  for await (const batch of engine.streamRows(sql)) {
    for (const row of batch) visit(row.map((text) => (typeof text === 'string' ? parseJsonText(text) : null)));
  }
}
