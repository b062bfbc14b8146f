import type { RuleMeta } from '../../core/rule.js';

export const driftNumeric: RuleMeta = {
  id: 'data.drift.numeric',
  title: 'Distribution of a numeric column drifted from the reference',
  category: 'data',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-345', 'CWE-1039'],
  what:
    'Compares the quantile function of a numeric column in the current batch with the reference (a file or a saved ' +
    'baseline): Kolmogorov–Smirnov statistic and p-value, Wasserstein-1 distance normalised by the reference standard ' +
    'deviation, PSI and Jensen–Shannon distance over reference deciles. By default it reports drift when the normalised ' +
    'Wasserstein distance is at least 0.1 and the KS p-value is below 0.001; both are configurable per column.',
  why:
    'A poisoned or broken feed shows up first as a moved distribution: injected outliers, a unit change upstream, values ' +
    'shifted to bias a model or a report. Models trained or scored on such a batch inherit the shift silently.',
  remediation:
    'Quarantine the batch and find the source of the change (upstream release, new supplier, tampering). If the change ' +
    'is legitimate, save a new baseline; if the column is naturally volatile, raise its threshold in ' +
    '`data.drift.columns.<name>` rather than ignoring the rule.',
  bad: [
    {
      file: 'batches.csv',
      code: 'batch,amount\n' + [12, 15, 11, 14, 13, 12, 16, 14, 13, 15].map((v) => `reference,${v}`).join('\n') + '\n' + [112, 115, 111, 114, 113, 112, 116, 114, 113, 115].map((v) => `current,${v}`).join('\n') + '\n',
    },
  ],
  good: [
    {
      file: 'batches.csv',
      code: 'batch,amount\n' + [12, 15, 11, 14, 13, 12, 16, 14, 13, 15].map((v) => `reference,${v}`).join('\n') + '\n' + [13, 14, 12, 15, 13, 12, 15, 14, 11, 16].map((v) => `current,${v}`).join('\n') + '\n',
    },
  ],
  references: [
    'https://docs.evidentlyai.com/metrics/customize_data_drift',
    'https://www.tensorflow.org/tfx/data_validation/get_started',
    'https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.ks_2samp.html',
    'https://owasp.org/www-project-machine-learning-security-top-10/docs/ML02_2023-Data_Poisoning_Attack',
  ],
};
