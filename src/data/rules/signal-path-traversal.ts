import type { SignalRule } from './signal-rule.js';

export const signalPathTraversal: SignalRule = {
  id: 'data.signal.path-traversal',
  signal: 'pathTraversal',
  title: "Values carry path traversal sequences",
  category: 'data',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-22'],
  what: "Counts text values with ../ or ..\\ (also percent-encoded), or absolute paths to /etc/passwd, /etc/shadow or C:\\Windows.",
  why: "Columns that name files (attachments, image paths, partition keys) are joined to a base directory by loaders and exporters; a traversal sequence reads or overwrites files outside it.",
  remediation: "Resolve the joined path and check it stays under the base directory; reject values with traversal sequences at ingestion.",
  bad: [{ file: 'data.csv', code: "id,attachment\n1,../../etc/passwd\n2,report.pdf\n" }],
  good: [{ file: 'data.csv', code: "id,attachment\n1,2024/report.pdf\n2,notes.v2.txt\n" }],
  references: ['https://owasp.org/www-community/attacks/Path_Traversal', 'https://cwe.mitre.org/data/definitions/22.html'],
};
