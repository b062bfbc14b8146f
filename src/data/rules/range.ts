import type { RuleMeta } from '../../core/rule.js';

const REFERENCE = [34, 29, 41, 52, 38, 27, 45, 33, 60, 48, 31, 39, 44, 36, 55, 30, 42, 47, 35, 50];
const rows = (batch: string, values: number[]) => values.map((v) => `${batch},${v}`).join('\n');

export const range: RuleMeta = {
  id: 'data.range',
  title: 'Values of a numeric column fall outside the reference range',
  category: 'data',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-20', 'CWE-1284'],
  what:
    'Estimates from the current quantiles the share of values below the reference minimum or above the reference ' +
    'maximum (the range widened by 10% of its width on each side) and reports it when it exceeds 1% and is more than ' +
    'chance would put there (Poisson tail p < 0.001). Margin, share and p are configurable.',
  why:
    'Out-of-range values are the signature of abrupt poisoning (a block of extreme records to drag a model), unit ' +
    'changes (cents for euros) and overflowed or sentinel values (-1, 9999) that a distribution test alone may dilute.',
  remediation: 'Look at the out-of-range records and their source; add explicit bounds to the schema (`pipewarden schema infer` writes them) so they are rejected at the gate.',
  bad: [{ file: 'batches.csv', code: `batch,age\n${rows('reference', REFERENCE)}\n${rows('current', [36, 950, 990, 970, 42, 960, 980, 935, 945, 35])}\n` }],
  good: [{ file: 'batches.csv', code: `batch,age\n${rows('reference', REFERENCE)}\n${rows('current', [36, 31, 44, 50, 39, 28, 42, 39, 57, 35])}\n` }],
  references: ['https://cwe.mitre.org/data/definitions/1284.html', 'https://greatexpectations.io/expectations/expect_column_values_to_be_between'],
};
