import { reachingColumns, type Attack } from './attack.js';
import { labelColumn } from './label-flip.js';

/** A category no clean record has: a new segment smuggled into reports, features or joins. */
export const categoryInjection: Attack = {
  id: 'category-injection',
  title: 'Category injection',
  family: 'integrity',
  severity: 'low',
  cwe: ['CWE-20'],
  description: 'a categorical field set to a value the sample never holds',
  plan(ctx) {
    // The label column is the label flip's; a feature category is this attack's target.
    const categories = reachingColumns(ctx, (c) => c.kind === 'category');
    const label = labelColumn(categories);
    const column = categories.filter((c) => c !== label).sort((a, b) => a.categories.length - b.categories.length)[0] ?? label;
    if (!column) return 'no categorical text column reaches the output';
    return {
      column: column.name,
      poison(base, i, _n, rng) {
        const value = `pw-unseen-${(rng.int(36 ** 4) + i).toString(36)}`;
        return { row: { ...base, [column.name]: value }, marker: { kind: 'value', column: column.name, value, token: value }, evidence: [value] };
      },
    };
  },
};
