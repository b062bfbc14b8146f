import type { RuleMeta } from '../../core/rule.js';

const AMOUNTS = [12, 17, 9, 14, 11, 15, 10, 13, 16, 12];
const rows = (batch: string, values: Array<number | string>) => values.map((v) => `${batch},${v}`).join('\n');

export const typeMismatch: RuleMeta = {
  id: 'data.type-mismatch',
  title: 'More values of a column do not parse as its type than in the reference',
  category: 'data',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-1287', 'CWE-20'],
  what:
    'Judges the current batch against the column types of the reference (declared by a schema or inferred there) and ' +
    'reports a column whose share of non-null values that fail to parse moved by more than 0.01 (configurable), when ' +
    'the change is significant (p < 0.001).',
  why:
    'Text in a numeric column is how injection payloads and malformed records enter: a lenient loader turns them into ' +
    'NULL, 0 or a string that flows into SQL, spreadsheets or prompts further down.',
  remediation: 'Reject or quarantine the records that do not parse, and validate the feed against a schema (`pipewarden schema validate`).',
  bad: [{ file: 'batches.csv', code: `batch,amount\n${rows('reference', AMOUNTS)}\n${rows('current', [12, 17, ...new Array(8).fill('=HYPERLINK("http://x")')])}\n` }],
  good: [{ file: 'batches.csv', code: `batch,amount\n${rows('reference', AMOUNTS)}\n${rows('current', [...AMOUNTS].reverse())}\n` }],
  references: ['https://cwe.mitre.org/data/definitions/1287.html', 'https://owasp.org/www-community/attacks/CSV_Injection'],
};
