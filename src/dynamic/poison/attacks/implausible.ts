import { cellText } from '../table/dataset.js';
import { reachingColumns, type Attack, type AttackPlan } from './attack.js';
import { numberLike, numericTarget, rounded, spread } from './cell-values.js';
import type { ColumnProfile } from '../profile.js';

const FUTURE_YEAR = '2099';

/**
 * Values every type and schema check accepts but no real record holds: a timestamp decades in
 * the future, or a number at the far edge of what the schema allows (six standard deviations
 * out where the schema sets no bound). Only plausibility checks catch these.
 */
export const implausible: Attack = {
  id: 'implausible',
  title: 'Schema-valid but implausible values',
  family: 'integrity',
  severity: 'low',
  cwe: ['CWE-20'],
  description: `a timestamp moved to the year ${FUTURE_YEAR}, or a number at the schema's far bound (mean + 6σ without one)`,
  plan(ctx) {
    const timestamp = reachingColumns(ctx, (c) => c.kind === 'timestamp')[0];
    if (timestamp) return futureTimestamp(timestamp.name);
    const number = numericTarget(ctx);
    if (number) return extremeNumber(number);
    return 'no timestamp or numeric column reaches the output';
  },
};

function futureTimestamp(column: string): AttackPlan {
  return {
    column,
    poison(base) {
      // Keep the record's own format; only the year changes (ISO year first, or day/month/year).
      const text = cellText(base[column]);
      const value = /^\s*\d{4}/.test(text) ? text.replace(/\d{4}/, FUTURE_YEAR) : text.replace(/(\d{1,2}[/.]\d{1,2}[/.])\d{4}/, `$1${FUTURE_YEAR}`);
      return { row: { ...base, [column]: value }, marker: { kind: 'value', column, value, token: FUTURE_YEAR } };
    },
  };
}

function extremeNumber(column: ColumnProfile): AttackPlan {
  const value = rounded(column, column.schema.maximum ?? column.mean + 6 * spread(column));
  return {
    column: column.name,
    poison(base) {
      return { row: { ...base, [column.name]: numberLike(base[column.name], value) }, marker: { kind: 'value', column: column.name, value } };
    },
  };
}
