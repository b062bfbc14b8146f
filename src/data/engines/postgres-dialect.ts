import type { LogicalType } from '../profile/types.js';
import { STANDARD_SQL_TYPES, TYPE_PATTERNS, standardIdent, standardLiteral, type SqlDialect } from './dialect.js';

const NUMBER_LITERAL = '^\\s*[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)[eE][+-]?[0-9]{1,5}\\s*$';
const NON_FINITE = '^\\s*[+-]?(nan|inf|infinity)\\s*$';

function overflowsDouble(textExpr: string): string {
  return `COALESCE(CASE WHEN ${textExpr} ~ ${standardLiteral(NUMBER_LITERAL)} THEN abs(CAST(trim(${textExpr}) AS NUMERIC)) > 1.7976931348623157e308 END, false)`;
}

export const postgresDialect: SqlDialect = {
  name: 'postgres',
  quoteIdent: standardIdent,
  quoteLiteral: standardLiteral,
  text: (expr) => `CAST(${expr} AS TEXT)`,
  tryCast(textExpr, type) {
    const sqlType = STANDARD_SQL_TYPES[type];
    const pattern = TYPE_PATTERNS[type];
    if (!sqlType || !pattern) return textExpr;
    // PostgreSQL has no TRY_CAST: the shared pattern guards the cast, and CASE keeps the cast from
    // running on text that would raise. Doubles also take NaN/Infinity but not out-of-range literals.
    if (type === 'number') {
      return `(CASE WHEN ${textExpr} ~* ${standardLiteral(NON_FINITE)} THEN CAST(trim(${textExpr}) AS DOUBLE PRECISION) WHEN ${textExpr} ~ ${standardLiteral(pattern)} AND NOT ${overflowsDouble(textExpr)} THEN CAST(trim(${textExpr}) AS DOUBLE PRECISION) END)`;
    }
    if (type === 'integer') {
      return `(CASE WHEN ${textExpr} ~ ${standardLiteral(pattern)} AND length(ltrim(regexp_replace(${textExpr}, '[^0-9]', '', 'g'), '0')) <= 18 THEN CAST(trim(${textExpr}) AS BIGINT) END)`;
    }
    return `(CASE WHEN ${textExpr} ~* ${standardLiteral(pattern)} THEN CAST(trim(${textExpr}) AS ${sqlType}) END)`;
  },
  toDouble(expr, type: LogicalType) {
    if (type === 'date' || type === 'datetime') return `(EXTRACT(EPOCH FROM CAST(${expr} AS TIMESTAMP)) * 1000)::float8`;
    if (type === 'boolean') return `CAST(CAST(${expr} AS INTEGER) AS DOUBLE PRECISION)`;
    return `CAST(${expr} AS DOUBLE PRECISION)`;
  },
  matches: (expr, pattern, caseInsensitive = false) => `(${expr} ${caseInsensitive ? '~*' : '~'} ${standardLiteral(pattern)})`,
  length: (expr) => `char_length(${expr})`,
  isFinite: (expr) => `(${expr} NOT IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8))`,
  overflowsDouble,
  approxDistinct: (expr) => `count(DISTINCT ${expr})`,
  quantiles: (expr, fractions) => `percentile_cont(ARRAY[${fractions.map(String).join(', ')}]::float8[]) WITHIN GROUP (ORDER BY ${expr})`,
  jsonText: (expr) => `CAST(to_json(${expr}) AS TEXT)`,
};
