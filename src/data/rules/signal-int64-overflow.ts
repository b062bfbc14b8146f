import type { SignalRule } from './signal-rule.js';

export const signalInt64Overflow: SignalRule = {
  id: 'data.signal.int64-overflow',
  signal: 'int64Overflow',
  title: "Integer values overflow 64 bits",
  category: 'data',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-190'],
  what: "Counts integer literals outside the signed 64-bit range (-9223372036854775808 to 9223372036854775807).",
  why: "Loaders disagree on such values: one wraps around, one rounds through a double, one rejects the row. Identifiers and amounts then differ between systems, and a wrapped value can pass a range check it should fail.",
  remediation: "Validate integer ranges at ingestion; keep identifiers that may exceed 64 bits as strings.",
  bad: [{ file: 'data.csv', code: "id,amount\n99999999999999999999,1\n2,2\n" }],
  good: [{ file: 'data.csv', code: "id,amount\n9223372036854775807,1\n2,2\n" }],
  references: ['https://cwe.mitre.org/data/definitions/190.html'],
};
