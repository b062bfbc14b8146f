import type { SignalRule } from './signal-rule.js';

export const signalNonFiniteNumber: SignalRule = {
  id: 'data.signal.non-finite-number',
  signal: 'nanOrInfinity',
  title: "Values are NaN or infinite",
  category: 'data',
  severity: 'low',
  confidence: 'high',
  cwe: ['CWE-1287'],
  what: "Counts NaN, Infinity and -Infinity, as text or as floating-point values.",
  why: "One NaN turns every sum, mean and model loss it touches into NaN, and infinities slip through range checks written with < and >: a cheap way to poison aggregates and training batches.",
  remediation: "Reject non-finite numbers at ingestion (many JSON and CSV parsers accept them by default) or map them to NULL explicitly.",
  bad: [{ file: 'data.csv', code: "id,price\n1,NaN\n2,3.5\n" }],
  good: [{ file: 'data.csv', code: "id,price\n1,4.25\n2,3.5\n" }],
  references: ['https://cwe.mitre.org/data/definitions/1287.html'],
};
