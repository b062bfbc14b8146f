import type { RuleMeta } from '../../core/rule.js';

/**
 * Dynamic rules are proven by running the pipeline, not by reading it: their bad and good
 * examples are small Python pipelines run as `python3 <file> <input.csv> <output.csv>` on
 * EXAMPLE_SAMPLE; the fuzz tests run each one and check the rule fires on the bad one only.
 */
export type DynamicRule = RuleMeta & { category: 'dynamic' };

export const EXAMPLE_COMMAND = 'python3 {script} {input} {output}';

export const EXAMPLE_SAMPLE = 'id,name,amount,comment\n1,alice,10.5,first order\n2,bob,3,\n3,carol,7.25,repeat customer\n';

/** The opening every example shares: read the CSV named by argv[1]. */
export const READ_ROWS = 'import csv, sys\n\nrows = list(csv.DictReader(open(sys.argv[1], newline="")))\n';

/** The closing every example shares: write the rows to the CSV named by argv[2]. */
export const WRITE_ROWS =
  'with open(sys.argv[2], "w", newline="") as f:\n' +
  '    w = csv.DictWriter(f, fieldnames=["id", "name", "amount", "comment"], extrasaction="ignore")\n' +
  '    w.writeheader()\n' +
  '    w.writerows(rows)\n';
