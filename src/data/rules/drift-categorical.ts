import type { RuleMeta } from '../../core/rule.js';

const rows = (batch: string, values: string[]) => values.map((v) => `${batch},${v}`).join('\n');

export const driftCategorical: RuleMeta = {
  id: 'data.drift.categorical',
  title: 'Distribution of a categorical column drifted from the reference',
  category: 'data',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-345', 'CWE-1039'],
  what:
    'Compares the value frequencies of a categorical column (its top values and the rest) with the reference: ' +
    'chi-square test of homogeneity, Jensen–Shannon distance, L-infinity distance and PSI. By default it reports drift ' +
    'when the Jensen–Shannon distance is at least 0.1 and the chi-square p-value is below 0.001.',
  why:
    'Label flipping — relabelling a share of records to another class — is the cheapest poisoning attack on a training ' +
    'set, and a new or vanished category often means an upstream change nobody announced.',
  remediation:
    'Check where the new frequencies come from before the batch reaches training or reporting; save a new baseline if ' +
    'the change is expected, or set a per-column threshold in `data.drift.columns.<name>`.',
  bad: [{ file: 'batches.csv', code: `batch,label\n${rows('reference', ['spam', 'ham', 'ham', 'ham', 'ham', 'ham', 'ham', 'ham', 'ham', 'ham'])}\n${rows('current', new Array(10).fill('spam'))}\n` }],
  good: [{ file: 'batches.csv', code: `batch,label\n${rows('reference', ['spam', 'ham', 'ham', 'ham', 'ham', 'spam', 'ham', 'ham', 'ham', 'ham'])}\n${rows('current', ['ham', 'ham', 'spam', 'ham', 'ham', 'ham', 'spam', 'ham', 'ham', 'ham'])}\n` }],
  references: [
    'https://docs.evidentlyai.com/metrics/customize_data_drift',
    'https://www.tensorflow.org/tfx/data_validation/get_started',
    'https://docs.scipy.org/doc/scipy/reference/generated/scipy.spatial.distance.jensenshannon.html',
    'https://atlas.mitre.org/techniques/AML.T0020',
  ],
};
