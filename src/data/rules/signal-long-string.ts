import type { SignalRule } from './signal-rule.js';

export const signalLongString: SignalRule = {
  id: 'data.signal.long-string',
  signal: 'longString',
  title: "Values are abnormally long",
  category: 'data',
  severity: 'low',
  confidence: 'medium',
  cwe: ['CWE-770'],
  what: "Counts text values longer than 4,096 characters (configurable with the profile's longStringLength).",
  why: "Oversized values are how buffer limits, column widths and model context windows are attacked: they truncate silently, exhaust memory in naive parsers, or smuggle a payload past a reviewer who sees only the start.",
  remediation: "Enforce a maximum length per column in the schema (maxLength) and reject longer values at ingestion.",
  bad: [{ file: 'data.csv', code: `id,comment\n1,${'A'.repeat(5000)}\n2,short\n` }],
  good: [{ file: 'data.csv', code: `id,comment\n1,${'A'.repeat(300)}\n2,short\n` }],
  references: ['https://cwe.mitre.org/data/definitions/770.html'],
};
