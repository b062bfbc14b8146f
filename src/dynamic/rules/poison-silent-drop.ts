import { READ_ROWS, WRITE_ROWS, type DynamicRule } from './dynamic-rule.js';

export const poisonSilentDropRule: DynamicRule = {
  id: 'dyn.poison-silent-drop',
  title: 'Poisoned records dropped without a logged reason',
  category: 'dynamic',
  severity: 'low',
  confidence: 'medium',
  cwe: ['CWE-778'],
  what:
    'Poisoned records never reached the output, but no line on stdout or stderr and no quarantine file names them ' +
    '(by id, by input line, or by their poisoned value).',
  why:
    'The poison stayed out, but nobody can tell a deliberate filter from a bug that loses good records, ' +
    'and an attack in progress leaves no trace to alert on or investigate.',
  remediation:
    'Log every record a step removes, with its id or input line and the reason, or write it to a quarantine file next to the output ' +
    '(a name with "rejects" or "quarantine" in it is recognised).',
  bad: [
    {
      file: 'jobs/clean.py',
      code: READ_ROWS + 'seen, kept = set(), []\nfor r in rows:\n    if r["id"] not in seen:\n        kept.append(r)\n    seen.add(r["id"])\nrows = kept\n' + WRITE_ROWS,
    },
  ],
  good: [
    {
      file: 'jobs/clean.py',
      code:
        READ_ROWS +
        'seen, kept = set(), []\nfor r in rows:\n    if r["id"] in seen:\n' +
        '        print("dropped record", r["id"], "duplicate id", file=sys.stderr)\n    else:\n        kept.append(r)\n' +
        '    seen.add(r["id"])\nrows = kept\n' +
        WRITE_ROWS,
    },
  ],
  references: ['https://cwe.mitre.org/data/definitions/778.html', 'https://owasp.org/Top10/A09_2021-Security_Logging_and_Monitoring_Failures/'],
};
