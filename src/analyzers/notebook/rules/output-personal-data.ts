import { exampleNotebook, resultOutput, streamOutput } from '../example-notebook.js';
import type { NotebookRule } from '../notebook-rule.js';
import type { OutputText } from '../notebook.js';
import { counted, lineAround } from '../output-lines.js';
import { findEmails, findPhoneNumbers, redactPersonalData, type Match } from '../personal-data.js';

/** Outputs that show what the code printed or returned; error outputs belong to the stack-trace rule. */
const DISPLAYED = new Set(['stream', 'execute_result', 'display_data']);

export const outputPersonalData: NotebookRule = {
  id: 'nb.output-personal-data',
  title: 'Notebook output shows personal data',
  category: 'sast',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-359'],
  what:
    'Finds saved cell outputs (printed text, returned values, HTML tables) that show email addresses or phone numbers of ' +
    'people. Findings give how many distinct values an output holds, never the values.',
  why:
    'A notebook saves its outputs with its code: `df.head()` on a customer export puts real customers’ contact details ' +
    'into version control, code review, CI logs and every clone of the repository, far outside the system meant to hold them.',
  remediation:
    'Clear outputs before committing (`jupyter nbconvert --clear-output --inplace`, or nbstripout as a git filter), and ' +
    'explore with masked or synthetic samples instead of real records.',
  bad: [
    {
      file: 'explore.ipynb',
      code: exampleNotebook([
        { source: 'df.head(2)\n', outputs: [resultOutput({ 'text/plain': '   id  email\n0  17  anna.schmidt@example.com\n1  18  j.okafor@example.org\n' })] },
      ]),
    },
    { file: 'callback.ipynb', code: exampleNotebook([{ source: 'print(row.phone)\n', outputs: [streamOutput('+49 151 2345 6789\n')] }]) },
  ],
  good: [
    {
      file: 'explore.ipynb',
      code: exampleNotebook([{ source: 'df.head(2)\n', outputs: [resultOutput({ 'text/plain': '   id  rating\n0  17  5.0\n1  18  2.0\n' })] }]),
    },
    { file: 'contact.ipynb', code: exampleNotebook([{ source: 'print(SUPPORT)\n', outputs: [streamOutput('support@example.com\n')] }]) },
  ],
  references: ['https://github.com/kynan/nbstripout', 'https://cwe.mitre.org/data/definitions/359.html'],
  check(ctx) {
    for (const cell of ctx.notebook.cells) {
      for (const output of cell.outputs) {
        if (!DISPLAYED.has(output.type)) continue;
        const emails = distinct(output.texts, findEmails);
        const phones = distinct(output.texts, findPhoneNumbers);
        const first = emails.first ?? phones.first;
        if (!first) continue;
        const shown = [
          emails.count > 0 ? counted(emails.count, 'email address', 'email addresses') : '',
          phones.count > 0 ? counted(phones.count, 'phone number', 'phone numbers') : '',
        ].filter(Boolean);
        ctx.report(first.text.at, redactPersonalData(lineAround(first.text.text, first.match.index)), {
          message: `Output ${output.number} of cell ${cell.number} shows ${shown.join(' and ')} (values redacted)`,
        });
      }
    }
  },
};

/**
 * Distinct values across an output's texts (a table is often saved as text/plain and text/html
 * both), and the first place one appears.
 */
function distinct(texts: OutputText[], find: (text: string) => Match[]): { count: number; first?: { text: OutputText; match: Match } } {
  const values = new Set<string>();
  let first: { text: OutputText; match: Match } | undefined;
  for (const text of texts) {
    for (const match of find(text.text)) {
      values.add(match.value.toLowerCase());
      first ??= { text, match };
    }
  }
  return { count: values.size, ...(first ? { first } : {}) };
}
