import type { LogicalType } from '../profile/types.js';

/**
 * What differs between SQL engines, and nothing else: the metric definitions in profile/ and the
 * schema checks in schema/ are written once against this interface. A new engine (Trino, Spark SQL,
 * BigQuery, Snowflake) is one more implementation of it.
 */
export interface SqlDialect {
  readonly name: string;
  quoteIdent(name: string): string;
  quoteLiteral(value: string): string;
  /** The value as text. */
  text(expr: string): string;
  /** Text parsed as `type`, NULL where it does not parse (never an error). */
  tryCast(textExpr: string, type: LogicalType): string;
  /**
   * A cheaper parse that gives the same value as `tryCast` wherever `tryCast` gives one (it may
   * accept more) and never raises. Later passes use it on columns the first pass found parsing
   * throughout. Absent where the engine has no cast that cannot raise.
   */
  lenientCast?(textExpr: string, type: LogicalType): string;
  /** A typed numeric, date or timestamp value as a double (temporal: epoch milliseconds). */
  toDouble(expr: string, type: LogicalType): string;
  /** Boolean: the text matches the regular expression (a pattern both RE2 and PostgreSQL AREs read alike). */
  matches(expr: string, pattern: string, caseInsensitive?: boolean): string;
  length(expr: string): string;
  /** Boolean: a double is neither NaN nor infinite. */
  isFinite(expr: string): string;
  /** Boolean: text is a number literal too large for a double. */
  overflowsDouble(textExpr: string): string;
  approxDistinct(expr: string): string;
  /** Aggregate returning an array of the quantiles at `fractions`. */
  quantiles(expr: string, fractions: number[]): string;
  /** A value of any type (a struct, list, map, JSON) as JSON text, SQL NULL as NULL. */
  jsonText(expr: string): string;
}

/** Regular expressions that decide whether text parses as a logical type, shared by every dialect. */
export const TYPE_PATTERNS: Partial<Record<LogicalType, string>> = {
  integer: '^\\s*[+-]?[0-9]+\\s*$',
  number: '^\\s*[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?\\s*$',
  boolean: '^\\s*(true|false|t|f|yes|no|y|n|0|1)\\s*$',
  date: '^\\s*[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])\\s*$',
  datetime: '^\\s*[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?\\s*$',
  time: '^\\s*[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?\\s*$',
};

/** Text of a double, NaN and the infinities included (matched case-insensitively). */
export const DOUBLE_TEXT = '^\\s*[+-]?(([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?|nan|inf|infinity)\\s*$';

/** SQL type names for logical types that both DuckDB and PostgreSQL accept. */
export const STANDARD_SQL_TYPES: Partial<Record<LogicalType, string>> = {
  integer: 'BIGINT',
  number: 'DOUBLE PRECISION',
  boolean: 'BOOLEAN',
  date: 'DATE',
  datetime: 'TIMESTAMP',
  time: 'TIME',
};

/** A name on one line, as a `--` SQL comment or a one-line message can hold it. */
export function oneLine(name: string): string {
  return name.replace(/[\r\n]+/g, ' ');
}

/** Single-quoted SQL string literal (standard-conforming: only the quote is doubled). */
export function standardLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('SQL text cannot hold a NUL character');
  return `'${value.replaceAll("'", "''")}'`;
}

export function standardIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Maps an engine's column type name to the logical type pipewarden reasons about. */
export function logicalTypeOf(physicalType: string): LogicalType {
  const t = physicalType.toLowerCase();
  if (/^(tinyint|smallint|integer|int|bigint|hugeint|utinyint|usmallint|uinteger|ubigint|uhugeint|int[248]|smallserial|serial|bigserial)$/.test(t)) return 'integer';
  if (/^(double|float|real|float[48]|double precision|decimal|numeric)/.test(t)) return 'number';
  if (t === 'boolean' || t === 'bool') return 'boolean';
  if (t === 'date') return 'date';
  if (t.startsWith('timestamp')) return 'datetime';
  if (t.startsWith('time')) return 'time';
  if (/^(varchar|text|char|character|bpchar|string|uuid|json|jsonb|enum|name|citext)/.test(t)) return 'string';
  return 'other';
}
