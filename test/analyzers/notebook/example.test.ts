import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rawLine, scanNotebook } from './scan.js';

const EXAMPLE = fileURLToPath(new URL('../../../examples/feedback-pipeline/notebooks/explore_feedback.ipynb', import.meta.url));

describe('examples/feedback-pipeline/notebooks/explore_feedback.ipynb', () => {
  const json = fs.readFileSync(EXAMPLE, 'utf8');
  const result = scanNotebook(json, 'notebooks/explore_feedback.ipynb');

  it('is analysed without scan errors', () => {
    expect(result.errors).toEqual([]);
  });

  it('names lines inside messages by cell, never by the line of the joined module', () => {
    for (const { message } of result.findings) {
      expect(message.match(/\bline \d+/g)?.length).toBe(message.match(/\bcell \d+, line \d+/g)?.length);
    }
  });

  it('yields the expected findings, each on the raw line it is about', () => {
    const found = result.findings
      .map((f) => ({ rule: f.ruleId, message: f.message, raw: rawLine(json, f.location.startLine).trim() }))
      .sort((a, b) => a.rule.localeCompare(b.rule));
    expect(found).toEqual([
      {
        rule: 'nb.output-personal-data',
        message: 'Output 1 of cell 3 shows 5 email addresses (values redacted)',
        raw: expect.stringContaining('anna.schmidt@example.com'),
      },
      {
        rule: 'nb.output-stack-trace',
        message: 'Output 1 of cell 6 keeps a stack trace showing paths under /mnt, /home/…',
        raw: expect.stringContaining('/mnt/airflow-workers/landing/feedback/2024-03-01/feedback.csv'),
      },
      {
        rule: 'nb.unpinned-pip-install',
        message: 'pip install of pandas, matplotlib, openpyxl without an exact version (cell 2, line 1)',
        raw: '"!pip install pandas matplotlib openpyxl"',
      },
      {
        // The Python analysis decides which of its rules reports it (pattern or taint); the place is ours.
        rule: expect.stringMatching(/^py\./),
        message: expect.stringMatching(/^pickle\.load\(\) .* \(cell 5, line 5\)$/),
        raw: '"    lookup = pickle.load(fh)\\n",',
      },
    ]);
  });
});
