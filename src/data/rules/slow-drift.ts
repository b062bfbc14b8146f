import type { RuleMeta } from '../../core/rule.js';

const GOLDEN = [47, 52, 50, 45, 55, 49, 51, 53, 46, 50, 48, 54, 44, 56, 50, 49, 51, 47, 53, 50];

/** A golden batch, then ten batches of four rows each moved by `step` more than the one before. */
function series(step: number): string {
  const rows = GOLDEN.map((v) => `golden,${v}`);
  for (let t = 1; t <= 10; t++) {
    for (let i = 0; i < 4; i++) rows.push(`${t},${GOLDEN[(t * 4 + i) % GOLDEN.length]! + step * t}`);
  }
  return `batch,score\n${rows.join('\n')}\n`;
}

export const slowDrift: RuleMeta = {
  id: 'data.slow-drift',
  title: 'A column metric walks away from the golden baseline batch by batch',
  category: 'data',
  severity: 'high',
  confidence: 'medium',
  cwe: ['CWE-345', 'CWE-1039'],
  what:
    'Tracks each column metric (mean, null rate, type-mismatch rate, shares below the golden 10th and above the golden ' +
    '90th percentile, shares of the top categories; with a declared label column, each label\'s mean of each numeric ' +
    'column, reported on the label column) over the stored batches of a dataset with two-sided CUSUM and EWMA ' +
    'charts, in standard errors under a frozen golden baseline, against that baseline and against a rolling window of ' +
    'recent batches. It reports a metric whose chart is above its control limit after the newest batch.',
  why:
    'A patient poisoner moves data a little per batch — well under any per-batch drift threshold, since each batch looks ' +
    'like the one before — until a model or a report has been steered. Only the accumulated evidence over many batches shows it.',
  remediation:
    'Compare the recent batches with the golden baseline (`pipewarden drift --reference baseline:NAME --current FILE`), ' +
    'trace the sources that changed, and retrain only on data from before the alarm. Refresh the golden baseline only ' +
    'after the change is understood.',
  bad: [{ file: 'batches.csv', code: series(2) }],
  good: [{ file: 'batches.csv', code: series(0) }],
  references: [
    'https://www.itl.nist.gov/div898/handbook/pmc/section3/pmc323.htm',
    'https://www.itl.nist.gov/div898/handbook/pmc/section3/pmc324.htm',
    'https://atlas.mitre.org/techniques/AML.T0020',
    'https://csrc.nist.gov/pubs/ai/100/2/e2023/final',
  ],
};
