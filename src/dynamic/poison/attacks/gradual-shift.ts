import type { Attack } from './attack.js';
import { numberLike, numericTarget, rounded, spread } from './cell-values.js';

/**
 * Values nudged a little more on each poisoned record, up to two standard deviations at the last:
 * each alone looks ordinary, together they drag the distribution (boiling-frog poisoning).
 */
export const gradualShift: Attack = {
  id: 'gradual-shift',
  title: 'Gradual shifts',
  family: 'integrity',
  severity: 'low',
  cwe: ['CWE-345'],
  description: 'a numeric field shifted progressively, from a fraction of σ on the first poisoned record to +2σ on the last',
  plan(ctx) {
    const column = numericTarget(ctx);
    if (!column) return 'no numeric column reaches the output';
    const step = Math.max(spread(column) * 2, column.integer ? 1 : 0);
    return {
      column: column.name,
      poison(base, i, n) {
        const original = Number(base[column.name]);
        const from = Number.isFinite(original) ? original : column.mean;
        let value = rounded(column, from + (step * (i + 1)) / n);
        if (value === from) value = from + (column.integer ? 1 : step / n);
        return { row: { ...base, [column.name]: numberLike(base[column.name], value) }, marker: { kind: 'value', column: column.name, value } };
      },
    };
  },
};
