import type { SignalRule } from './signal-rule.js';

export const signalControlCharacters: SignalRule = {
  id: 'data.signal.control-characters',
  signal: 'controlChars',
  title: "Values carry control characters",
  category: 'data',
  severity: 'low',
  confidence: 'high',
  cwe: ['CWE-150'],
  what: "Counts text values holding C0 or C1 control characters other than tab, line feed and carriage return (escape sequences, bell, backspace, DEL).",
  why: "Terminal escape sequences in data rewrite what an operator sees in logs and consoles; backspace and other controls hide or split values differently in each consumer.",
  remediation: "Strip or reject control characters at ingestion; escape them when printing data to terminals and logs.",
  bad: [{ file: 'data.csv', code: "id,note\n1,\"ok\u001b[2Jcleared\"\n2,fine\n" }],
  good: [{ file: 'data.csv', code: "id,note\n1,\"two\nlines\"\n2,fine\n" }],
  references: ['https://cwe.mitre.org/data/definitions/150.html'],
};
