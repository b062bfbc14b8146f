import type { LogicalType } from '../profile/types.js';
import { DOUBLE_TEXT, STANDARD_SQL_TYPES, TYPE_PATTERNS, standardIdent, standardLiteral, type SqlDialect } from './dialect.js';

function lenientCast(textExpr: string, type: LogicalType): string {
  const sqlType = STANDARD_SQL_TYPES[type];
  return sqlType ? `TRY_CAST(${textExpr} AS ${sqlType === 'DOUBLE PRECISION' ? 'DOUBLE' : sqlType})` : textExpr;
}

export const duckdbDialect: SqlDialect = {
  name: 'duckdb',
  quoteIdent: standardIdent,
  quoteLiteral: standardLiteral,
  text: (expr) => `CAST(${expr} AS VARCHAR)`,
  tryCast(textExpr, type) {
    const cast = lenientCast(textExpr, type);
    // DuckDB's number casts are lenient ('12.5' rounds to a BIGINT, '0x10' and '1_000' parse), so
    // the shared patterns decide what counts as a number, as they do in every dialect.
    if (type === 'integer') return `(CASE WHEN regexp_matches(${textExpr}, ${standardLiteral(TYPE_PATTERNS.integer!)}) THEN ${cast} END)`;
    if (type === 'number') return `(CASE WHEN regexp_matches(${textExpr}, ${standardLiteral(DOUBLE_TEXT)}, 'i') THEN ${cast} END)`;
    return cast;
  },
  lenientCast,
  toDouble(expr, type: LogicalType) {
    if (type === 'date') return `CAST(epoch_ms(CAST(${expr} AS TIMESTAMP)) AS DOUBLE)`;
    if (type === 'datetime') return `CAST(epoch_ms(CAST(${expr} AS TIMESTAMP)) AS DOUBLE)`;
    if (type === 'boolean') return `CAST(CAST(${expr} AS INTEGER) AS DOUBLE)`;
    return `CAST(${expr} AS DOUBLE)`;
  },
  matches: (expr, pattern, caseInsensitive = false) => `regexp_matches(${expr}, ${standardLiteral(pattern)}${caseInsensitive ? ", 'i'" : ''})`,
  length: (expr) => `length(${expr})`,
  isFinite: (expr) => `isfinite(${expr})`,
  overflowsDouble: (textExpr) => `(NOT regexp_matches(${textExpr}, '(?i)inf') AND isinf(TRY_CAST(${textExpr} AS DOUBLE)))`,
  approxDistinct: (expr) => `approx_count_distinct(${expr})`,
  // t-digest keeps memory flat however many rows there are; exact quantiles would hold every value.
  quantiles: (expr, fractions) => `approx_quantile(${expr}, [${fractions.map(String).join(', ')}])`,
  jsonText: (expr) => `CAST(to_json(${expr}) AS VARCHAR)`,
};
