import { READ_ROWS, WRITE_ROWS, type DynamicRule } from './dynamic-rule.js';

export const payloadPropagatedRule: DynamicRule = {
  id: 'dyn.payload-propagated',
  title: 'Injection payload reaches the output un-neutralised',
  category: 'dynamic',
  severity: 'high',
  confidence: 'medium',
  cwe: ['CWE-1236', 'CWE-79', 'CWE-89', 'CWE-22'],
  what: 'A spreadsheet formula, SQL fragment, script tag or traversal path put into a field came out in the output unchanged (for formulas: still at the start of a cell, without a neutralising quote).',
  why: 'Cleaning steps are where such values should be stopped; passed through, they fire downstream — a formula in the analyst’s spreadsheet, a script in the dashboard, a path in the loader.',
  remediation: 'Neutralise per sink: prefix cells starting with = + - @ TAB CR with a quote for CSV/Excel output, HTML-escape for web output, validate paths against an allow-list, and reject values that fail the schema.',
  bad: [{ file: 'jobs/clean.py', code: READ_ROWS + 'for r in rows:\n    r["comment"] = r["comment"].strip()\n' + WRITE_ROWS }],
  good: [
    {
      file: 'jobs/clean.py',
      code:
        'import html, re\n' +
        READ_ROWS +
        'def safe(v):\n    v = html.escape(re.sub(r"(\\.\\./|\\.\\.\\\\|--|;|\')", "", v))\n    return "\'" + v if v[:1] in ("=", "+", "-", "@", "\\t", "\\r") else v\n' +
        'for r in rows:\n    for key in r:\n        r[key] = safe(r[key] or "")\n' +
        WRITE_ROWS,
    },
  ],
  references: ['https://owasp.org/www-community/attacks/CSV_Injection', 'https://cwe.mitre.org/data/definitions/1236.html'],
};
