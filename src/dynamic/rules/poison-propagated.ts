import { READ_ROWS, WRITE_ROWS, type DynamicRule } from './dynamic-rule.js';

export const poisonPropagatedRule: DynamicRule = {
  id: 'dyn.poison-propagated',
  title: 'Poisoned records reach the output',
  category: 'dynamic',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-20', 'CWE-345', 'CWE-1236'],
  what:
    'The poisoning simulation injected records into the clean sample (out-of-range or implausible values, label flips, duplicates, ' +
    'unseen categories, gradual shifts, formula/SQL/script/traversal/template payloads) and some came out of the pipeline as they went in. ' +
    "The finding's severity is the attack's: high for spreadsheet formulas, medium for other injection payloads and out-of-range values, low for the rest.",
  why:
    'A cleaning job is the last place poisoned data can be stopped before it trains a model, feeds a dashboard or is opened in a spreadsheet. ' +
    'What it lets through, every consumer downstream trusts.',
  remediation:
    'Validate every record against the schema and plausibility rules (ranges, known categories, dates not in the future); ' +
    'deduplicate on content, not only ids; neutralise values per sink (a quote before = + - @ in CSV output); ' +
    'and set rejected records aside with a logged reason.',
  bad: [{ file: 'jobs/clean.py', code: READ_ROWS + 'for r in rows:\n    r["comment"] = r["comment"].strip()\n' + WRITE_ROWS }],
  good: [
    {
      file: 'jobs/clean.py',
      code:
        'import re\n' +
        READ_ROWS +
        'SUSPICIOUS = re.compile(r"^[=+\\-@\\t\\r]|[<>\'`;{}$%]|\\.\\.|--")\n' +
        'kept = []\nfor n, r in enumerate(rows, 2):\n' +
        '    if any(SUSPICIOUS.search(r[k]) for k in ("name", "comment")):\n' +
        '        print(f"line {n}: rejected: text field holds markup, a formula or code", file=sys.stderr)\n' +
        '        continue\n    kept.append(r)\nrows = kept\n' +
        WRITE_ROWS,
    },
  ],
  references: ['https://owasp.org/www-community/attacks/CSV_Injection', 'https://cwe.mitre.org/data/definitions/345.html', 'https://atlas.mitre.org/techniques/AML.T0020'],
};
