import { READ_ROWS, WRITE_ROWS, type DynamicRule } from './dynamic-rule.js';

export const rowsLostRule: DynamicRule = {
  id: 'dyn.rows-lost',
  title: 'Rows silently lost or duplicated',
  category: 'dynamic',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-20', 'CWE-754'],
  what:
    'On an input with one value changed, the run succeeded but its output held fewer records than for the clean sample and no line on stdout or stderr beyond those of the clean run mentions rejecting, skipping or dropping one (a summary count printed on every run does not); or it held more records than the changed record alone accounts for (one more is fine when the clean run held records back and nothing is repeated: the change may have let its record through). Records in every output file count, so a quarantine file in an output directory keeps them.',
  why: 'Silent loss is the worst failure of a cleaning job: totals drift, models train on a biased subset, and nobody finds out until a report is wrong.',
  remediation: 'Count records in and out; log every rejected record with its reason or write it to a quarantine output, and fail the run when the loss exceeds a threshold.',
  bad: [{ file: 'jobs/clean.py', code: READ_ROWS + 'rows = [r for r in rows if r["amount"].replace(".", "", 1).isdigit()]\n' + WRITE_ROWS }],
  good: [
    {
      file: 'jobs/clean.py',
      code:
        READ_ROWS +
        'kept = [r for r in rows if r["amount"].replace(".", "", 1).isdigit()]\n' +
        'for r in rows:\n    if r not in kept:\n        print("rejected row", r["id"], "amount is not a number", file=sys.stderr)\nrows = kept\n' +
        WRITE_ROWS,
    },
  ],
  references: ['https://cwe.mitre.org/data/definitions/754.html', 'https://greatexpectations.io/expectations/expect_table_row_count_to_equal_other_table'],
};
