import { READ_ROWS, WRITE_ROWS, type DynamicRule } from './dynamic-rule.js';

export const crashRule: DynamicRule = {
  id: 'dyn.crash',
  title: 'Pipeline crashes on malformed input',
  category: 'dynamic',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-20', 'CWE-248'],
  what: 'The pipeline exited with an error (or was killed by a signal) on a mutated input while it succeeds on the clean sample; the exception class is taken from the traceback.',
  why:
    'One malformed row upstream stops the whole batch: downstream tables go stale, retries hammer the source, and an ' +
    'attacker who can write one record can halt ingestion at will. Unhandled exceptions also tend to leak paths and values into logs.',
  remediation:
    'Validate each record against the schema and route the ones that fail to a quarantine output with a logged reason, ' +
    'instead of letting a conversion error end the run.',
  bad: [{ file: 'jobs/clean.py', code: READ_ROWS + 'for r in rows:\n    r["amount"] = round(float(r["amount"]), 2)\n' + WRITE_ROWS }],
  good: [
    {
      file: 'jobs/clean.py',
      code:
        READ_ROWS +
        'kept = []\nfor r in rows:\n    try:\n        r["amount"] = round(float(r["amount"]), 2)\n    except (TypeError, ValueError):\n' +
        '        print("rejected row", r.get("id"), "bad amount", file=sys.stderr)\n        continue\n    kept.append(r)\nrows = kept\n' +
        WRITE_ROWS,
    },
  ],
  references: ['https://cwe.mitre.org/data/definitions/248.html', 'https://owasp.org/www-community/Fuzzing'],
};
