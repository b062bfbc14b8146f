import type { RuleMeta } from '../../core/rule.js';
import { logExample } from './log-examples.js';

export const logsNewErrorClass: RuleMeta = {
  id: 'data.logs.new-error-class',
  title: 'Pipeline logs show an exception class the baseline never had',
  category: 'data',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-755'],
  what: 'Collects exception class names from tracebacks, `exc_info` fields and error messages, and reports those absent from the baseline.',
  why:
    'A new kind of failure means new input or new code: a field that now carries text, a payload that breaks a parser, a ' +
    'dependency that changed. Crafted input often announces itself this way before it succeeds.',
  remediation: 'Reproduce the exception with the record that caused it; handle it explicitly instead of letting a generic handler swallow it.',
  bad: [logExample('etl.log', 'new-exception')],
  good: [logExample('etl.log', 'steady')],
  references: ['https://cwe.mitre.org/data/definitions/755.html', 'https://docs.python.org/3/library/exceptions.html'],
};
