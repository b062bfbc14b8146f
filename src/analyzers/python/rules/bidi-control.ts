import type { PythonRule } from '../python-rule.js';

/** Unicode bidirectional controls that reorder how source is displayed (Trojan Source). */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

export const bidiControl: PythonRule = {
  id: 'py.source.bidi-control',
  title: 'Bidirectional control character hides what the code does',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-838', 'CWE-451'],
  what: 'Finds Unicode bidirectional override and isolate characters in strings and comments (Bandit B613, "Trojan Source").',
  why:
    'A reviewer sees the code as the editor displays it, the interpreter runs it in logical order. A bidi override in ' +
    'a comment or string can make an early return or an access check look commented out, or the reverse.',
  remediation: 'Remove the control characters; where text needs them, write them as escapes ("\\u202e") so they are visible.',
  bad: [
    {
      file: 'jobs/access.py',
      code: 'def allowed(role: str) -> bool:\n    return role == "admin\u202e \u2066# check role\u2069 \u2066"\n',
    },
  ],
  good: [
    {
      file: 'jobs/access.py',
      code: 'RLO = "\\u202e"  # written as an escape, visible to reviewers\n\n\ndef strip_controls(text: str) -> str:\n    return text.replace(RLO, "")\n',
    },
  ],
  bandit: ['B613'],
  references: ['https://trojansource.codes/', 'https://bandit.readthedocs.io/en/latest/plugins/b613_trojansource.html'],
  onNode: {
    types: ['string', 'comment'],
    check(node, ctx) {
      if (BIDI.test(node.text)) ctx.report(node, { message: `the ${node.type} holds a bidirectional control character, so the code reads differently from how it runs` });
    },
  },
};
