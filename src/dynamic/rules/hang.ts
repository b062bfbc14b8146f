import { READ_ROWS, WRITE_ROWS, type DynamicRule } from './dynamic-rule.js';

export const hangRule: DynamicRule = {
  id: 'dyn.hang',
  title: 'Pipeline hangs on crafted input',
  category: 'dynamic',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-400', 'CWE-1333'],
  what: 'The pipeline did not finish within the hang limit on a mutated input (typically a regex with catastrophic backtracking, or a loop driven by a value) while the clean sample finishes quickly.',
  why: 'A single crafted field can keep a worker busy for hours: the batch misses its window, the queue backs up, and autoscaling multiplies the cost.',
  remediation: 'Bound the work per record: cap field lengths before matching, use regexes without nested quantifiers (or re2), and set timeouts on per-record processing.',
  bad: [{ file: 'jobs/clean.py', code: 'import re\n' + READ_ROWS + 'rows = [r for r in rows if not re.match(r"^(\\w+\\s?)*$", r["comment"] + "!")]\n' + WRITE_ROWS }],
  good: [{ file: 'jobs/clean.py', code: 'import re\n' + READ_ROWS + 'rows = [r for r in rows if not re.match(r"^[\\w\\s]{0,200}$", r["comment"][:200])]\n' + WRITE_ROWS }],
  references: ['https://owasp.org/www-community/attacks/Regular_expression_Denial_of_Service_-_ReDoS', 'https://cwe.mitre.org/data/definitions/400.html'],
};
