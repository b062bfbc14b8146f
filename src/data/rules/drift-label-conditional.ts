import type { RuleMeta } from '../../core/rule.js';

/**
 * 60 cats (3.5–4.5 kg) and 60 dogs (27–33 kg) per batch; with `flipEvery`, every such row of each
 * class in the current batch carries the other label, so both label shares and the weights stay
 * exactly as they were and only the relation between them changes.
 */
function batches(flipEvery: number): string {
  const rows: string[] = [];
  for (const batch of ['reference', 'current']) {
    for (let i = 0; i < 60; i++) {
      const flipped = batch === 'current' && flipEvery > 0 && i % flipEvery === 0;
      rows.push(`${batch},${flipped ? 'dog' : 'cat'},${(3.5 + ((i + 1) % 5) * 0.25).toFixed(2)}`);
      rows.push(`${batch},${flipped ? 'cat' : 'dog'},${27 + ((i + 3) % 7)}`);
    }
  }
  return `batch,label,weight\n${rows.join('\n')}\n`;
}

export const driftLabelConditional: RuleMeta = {
  id: 'data.drift.label-conditional',
  title: 'The mean of a numeric column among the rows of one label moved from the reference',
  category: 'data',
  severity: 'high',
  confidence: 'medium',
  cwe: ['CWE-345', 'CWE-1039'],
  what:
    'When a label (target) column is declared (`--label COLUMN` on `profile` and `drift`), profiles hold, per label, ' +
    'the count, mean and standard deviation of every numeric column among that label\'s rows. Each label\'s mean of ' +
    'each numeric column is compared with the reference by Welch\'s t-test (the current standard deviation taken as at ' +
    'least the reference\'s; labels with fewer than 30 values of the column on either side are not tested); it reports ' +
    'drift when the p-value is below alpha (0.001) divided by the number of label × column tests (Bonferroni) and the ' +
    'mean moved by at least 0.2 of the reference standard deviation among that label\'s rows.',
  why:
    'Random label flipping among a few evenly spread classes moves each class share towards uniform by so little that ' +
    'no check of the label column alone sees it, and it leaves the features untouched. What it does change is which ' +
    'rows carry which label: the rows labelled "cat" suddenly include dog-sized weights. A model trained on such a ' +
    'batch learns the wrong boundary.',
  remediation:
    'Find where the labels of the batch come from (annotation vendor, heuristic labeller, a join on the wrong key) and ' +
    'compare a sample of the flagged label\'s rows with the reference before the batch is used for training. If the ' +
    'classes really changed, save a new baseline with `pipewarden profile FILE --label COLUMN --save-baseline NAME`.',
  bad: [{ file: 'batches.csv', code: batches(4) }],
  good: [{ file: 'batches.csv', code: batches(0) }],
  references: [
    'https://www.tensorflow.org/tfx/data_validation/get_started',
    'https://docs.evidentlyai.com/metrics/preset_data_drift',
    'https://en.wikipedia.org/wiki/Welch%27s_t-test',
    'https://atlas.mitre.org/techniques/AML.T0020',
  ],
};
