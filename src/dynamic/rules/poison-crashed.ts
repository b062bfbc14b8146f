import { READ_ROWS, WRITE_ROWS, type DynamicRule } from './dynamic-rule.js';

export const poisonCrashedRule: DynamicRule = {
  id: 'dyn.poison-crashed',
  title: 'Poisoned records crash the pipeline',
  category: 'dynamic',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-248', 'CWE-400'],
  what:
    'A small share of poisoned records (as little as one in a thousand) made the pipeline fail as a whole: a non-zero exit, a signal, ' +
    'a timeout or the memory limit, while it succeeds on the clean sample.',
  why:
    'Whoever can slip one record into the source can then stop the whole batch at will: every clean record of the run is lost with it, ' +
    'tables downstream go stale, and retries replay the same poison.',
  remediation:
    'Handle bad records one at a time: catch the conversion or validation error, set the record aside with its reason, and carry on; ' +
    'fail the run only when the share of rejected records passes a threshold.',
  bad: [
    {
      file: 'jobs/clean.py',
      code: READ_ROWS + 'seen = set()\nfor r in rows:\n    if r["id"] in seen:\n        raise ValueError("duplicate id " + r["id"])\n    seen.add(r["id"])\n' + WRITE_ROWS,
    },
  ],
  good: [
    {
      file: 'jobs/clean.py',
      code:
        READ_ROWS +
        'seen, kept = set(), []\nfor r in rows:\n    if r["id"] in seen:\n' +
        '        print("rejected record", r["id"], "duplicate id", file=sys.stderr)\n        continue\n' +
        '    seen.add(r["id"])\n    kept.append(r)\nrows = kept\n' +
        WRITE_ROWS,
    },
  ],
  references: ['https://cwe.mitre.org/data/definitions/248.html', 'https://owasp.org/www-community/attacks/Denial_of_Service'],
};
