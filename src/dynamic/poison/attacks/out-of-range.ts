import type { Attack } from './attack.js';
import { numberLike, numericTarget, rounded, spread } from './cell-values.js';

/** Values far beyond what the column (or its schema) allows: a sensor glitch, a unit error, an attacker. */
export const outOfRange: Attack = {
  id: 'out-of-range',
  title: 'Out-of-range values',
  family: 'integrity',
  severity: 'medium',
  cwe: ['CWE-20'],
  description: 'a numeric field set far outside the sample range and the schema bounds (alternately above and below)',
  plan(ctx) {
    const column = numericTarget(ctx);
    if (!column) return 'no numeric column reaches the output';
    const span = spread(column) * 100;
    const high = Math.max(column.max, column.schema.maximum ?? -Infinity) + span;
    const low = Math.min(column.min, column.schema.minimum ?? Infinity) - span;
    return {
      column: column.name,
      poison(base, i) {
        const value = rounded(column, i % 2 === 0 ? high : low);
        return { row: { ...base, [column.name]: numberLike(base[column.name], value) }, marker: { kind: 'value', column: column.name, value }, evidence: [String(value)] };
      },
    };
  },
};
