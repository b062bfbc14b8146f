import type { RuleMeta } from '../../core/rule.js';

export const nullRate: RuleMeta = {
  id: 'data.null-rate',
  title: 'Null rate of a column changed from the reference',
  category: 'data',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-20'],
  what:
    'Reports a column whose share of nulls moved by more than 0.05 (absolute, configurable) from the reference, when a ' +
    'two-proportion test says the change is not chance (p < 0.001).',
  why:
    'Nulls that appear in bulk usually mean a broken join, a renamed source field or a parser that gave up; downstream ' +
    'imputation then fabricates values and hides the breakage in models and reports.',
  remediation: 'Find the upstream change that blanks the field; make the pipeline fail on it, or set `data.drift.columns.<name>.nullRate` if the column is optional.',
  bad: [{ file: 'batches.csv', code: 'batch,email\n' + 'reference,a@example.com\n'.repeat(10) + 'current,a@example.com\n'.repeat(2) + 'current,\n'.repeat(8) }],
  good: [{ file: 'batches.csv', code: 'batch,email\n' + 'reference,a@example.com\n'.repeat(9) + 'reference,\n' + 'current,a@example.com\n'.repeat(10) }],
  references: ['https://cwe.mitre.org/data/definitions/20.html', 'https://www.tensorflow.org/tfx/data_validation/get_started'],
};
