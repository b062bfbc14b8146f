import type { SignalRule } from './signal-rule.js';

export const signalFloatOverflow: SignalRule = {
  id: 'data.signal.float-overflow',
  signal: 'floatOverflow',
  title: "Number values overflow a double",
  category: 'data',
  severity: 'low',
  confidence: 'high',
  cwe: ['CWE-681'],
  what: "Counts number literals whose magnitude exceeds the largest double (about 1.8e308), such as 1e400.",
  why: "A double parser turns them into infinity, or rejects the row, depending on the library: the same record means different things in different stages of the pipeline.",
  remediation: "Validate numeric ranges at ingestion (minimum and maximum in the schema).",
  bad: [{ file: 'data.csv', code: "id,ratio\n1,1e400\n2,0.5\n" }],
  good: [{ file: 'data.csv', code: "id,ratio\n1,1.5e300\n2,0.5\n" }],
  references: ['https://cwe.mitre.org/data/definitions/681.html'],
};
