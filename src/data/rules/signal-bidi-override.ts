import type { SignalRule } from './signal-rule.js';

export const signalBidiOverride: SignalRule = {
  id: 'data.signal.bidi-override',
  signal: 'bidiOverride',
  title: "Values carry Unicode bidirectional override characters",
  category: 'data',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-451'],
  what: "Counts text values holding the bidirectional embedding, override and isolate characters U+202A–U+202E and U+2066–U+2069.",
  why: "Bidi overrides make text display in a different order than it is stored (Trojan Source): a file name that shows as a text file but ends in .exe, an account or amount that reads differently to a reviewer than to the code.",
  remediation: "Reject or strip bidirectional control characters in identifiers, names and amounts; render them visibly in review tools.",
  bad: [{ file: 'data.csv', code: "id,file\n1,invoice\u202etxt.exe\n2,report.pdf\n" }],
  good: [{ file: 'data.csv', code: "id,file\n1,report.pdf\n2,\u05e9\u05dc\u05d5\u05dd.txt\n" }],
  references: ['https://trojansource.codes/', 'https://cwe.mitre.org/data/definitions/451.html'],
};
