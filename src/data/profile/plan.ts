import type { SqlDialect } from '../engines/dialect.js';
import type { SourceColumn } from '../engines/engine.js';
import type { ColumnKind, LogicalType } from './types.js';

/** The SQL expressions one column's metrics are built from. */
export interface ColumnPlan {
  column: SourceColumn;
  /** Prefix of this column's result aliases (c0_, c1_...): column names may be anything. */
  alias: string;
  type: LogicalType;
  typeSource: 'declared' | 'inferred';
  kind: ColumnKind;
  raw: string;
  /** The value as text, where text-level checks (security signals, lengths) apply. */
  text: string | null;
  /** The value as `type`, NULL where it does not parse. */
  typed: string;
  /** Finite double of numeric/temporal/boolean values for min/max/mean/quantiles, else null. */
  value: string | null;
  /** Condition: a non-null value that does not parse as `type`. */
  mismatch: string | null;
  /** Rows the text signals look at: all for string columns, unparsed or non-finite ones otherwise. */
  suspect: string | null;
}

export function kindOf(type: LogicalType): ColumnKind {
  if (type === 'integer' || type === 'number') return 'numeric';
  if (type === 'string' || type === 'boolean') return 'categorical';
  if (type === 'date' || type === 'datetime' || type === 'time') return 'temporal';
  return 'other';
}

const TEXTUAL: LogicalType[] = ['string', 'other'];

export function planColumn(dialect: SqlDialect, column: SourceColumn, index: number, declared?: LogicalType): ColumnPlan {
  const type = declared ?? column.type;
  const raw = dialect.quoteIdent(column.name);
  const parsed = column.rawText || type !== column.type;
  // Nested values (structs, lists, maps, JSON) are signalled on their printed form: a payload inside an array still travels.
  const text = column.rawText ? raw : parsed || TEXTUAL.includes(type) ? dialect.text(raw) : null;
  const typed = parsed && !TEXTUAL.includes(type) ? dialect.tryCast(text!, type) : raw;
  const mismatch = typed !== raw ? `(${raw} IS NOT NULL AND ${typed} IS NULL)` : null;
  return {
    column,
    alias: `c${index}_`,
    type,
    typeSource: declared ? 'declared' : 'inferred',
    kind: kindOf(type),
    raw,
    text,
    typed,
    value: valueExpression(dialect, type, typed),
    mismatch,
    suspect: suspectCondition(dialect, type, text, typed),
  };
}

/**
 * The plan for the passes after the first, on a column the first pass found parsing throughout:
 * there the engine's lenient cast gives every value the strict parse gave (in DuckDB it skips a
 * regular expression per value). Columns that had mismatches keep the strict parse, so that the
 * values it refused stay out of their histograms and top values.
 */
export function parsedThroughout(dialect: SqlDialect, p: ColumnPlan): ColumnPlan {
  if (!p.mismatch || !p.text || !dialect.lenientCast) return p;
  const typed = dialect.lenientCast(p.text, p.type);
  return { ...p, typed, value: valueExpression(dialect, p.type, typed), mismatch: null, suspect: suspectCondition(dialect, p.type, p.text, typed) };
}

/** Rows whose text the security signals examine: all for text types, unparsed or non-finite values otherwise. */
export function suspectCondition(dialect: SqlDialect, type: LogicalType, text: string | null, typed: string): string | null {
  if (text === null || TEXTUAL.includes(type)) return null;
  // Doubles: also non-finite values, and whole numbers past the int64 range (a 64-bit loader breaks on them).
  return `(${typed} IS NULL${type === 'number' ? ` OR NOT ${dialect.isFinite(typed)} OR abs(${typed}) >= CAST(9.2e18 AS DOUBLE PRECISION)` : ''})`;
}

/** The value as a finite double for numeric, temporal and boolean types. */
export function valueExpression(dialect: SqlDialect, type: LogicalType, typed: string): string | null {
  if (type === 'number') {
    const asDouble = dialect.toDouble(typed, type);
    return `(CASE WHEN ${dialect.isFinite(asDouble)} THEN ${asDouble} END)`;
  }
  if (type === 'integer' || type === 'boolean' || type === 'date' || type === 'datetime') return dialect.toDouble(typed, type);
  return null;
}
