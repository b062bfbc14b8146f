import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import { finding } from '../helpers/findings.js';
import { HOSTILE_SNIPPET, emptyResult, fullResult } from './fixture.js';

/** Cells of a GFM table row the way GitHub splits them: on every `|` without a backslash. */
function cells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** The rows of the table under `heading`, without its header and delimiter rows. */
function tableAfter(markdown: string, heading: string): string[][] {
  const lines = markdown.slice(markdown.indexOf(heading)).split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
  return lines.slice(start + 2, end === -1 ? undefined : end).map(cells);
}

describe('Markdown report', () => {
  it('leads with a table of counts by severity and the rest of the summary', () => {
    const md = renderMarkdown(fullResult());
    expect(md.startsWith('## pipewarden: 5 findings\n')).toBe(true);
    expect(tableAfter(md, '## pipewarden')).toEqual([
      ['critical', '1'],
      ['high', '1'],
      ['medium', '1'],
      ['low', '1'],
      ['info', '1'],
      ['**total**', '**5**'],
    ]);
    expect(md).toContain('3 suppressed · 2 scan errors · 42 files analysed (40 from cache) in 1.2 s · 2 new, 1 fixed since the previous run');
  });

  it('lists findings in a four-column table whose cells survive pipes and backticks', () => {
    const rows = tableAfter(renderMarkdown(fullResult()), '### Findings');
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row).toHaveLength(4);
    expect(rows.map((r) => r[0])).toEqual(['critical (new)', 'high', 'medium (new)', 'low', 'info']);
    expect(rows[2]).toEqual(['medium (new)', '`sql.injection.format`', '`sql/q#1.py:7:1`', 'query built with f-string from \\`table\\` \\| user input']);
  });

  it('keeps hostile text from opening HTML, links or mentions', () => {
    const result = fullResult();
    result.findings = [finding({ message: '<img src=x onerror=alert(1)> [click](http://evil) @octo-org/admins **bold**\nnext line' })];
    const md = renderMarkdown(result);
    const [row] = tableAfter(md, '### Findings');
    expect(row).toHaveLength(4);
    expect(row![3]).toBe('&lt;img src=x onerror=alert(1)&gt; \\[click\\](http://evil) &#64;octo-org/admins \\*\\*bold\\*\\* next line');
    expect(md).not.toContain('<img');
    expect(md).not.toContain('@octo');
  });

  it('puts each finding in a collapsible block with its snippet fenced and its remediation', () => {
    const md = renderMarkdown(fullResult());
    expect(md.match(/<details>/g)).toHaveLength(5);
    expect(md.match(/<\/details>/g)).toHaveLength(5);
    const sql = md.slice(md.indexOf('<summary><b>MEDIUM</b>'), md.indexOf('<summary><b>LOW</b>'));
    expect(sql).toContain('<code>sql.injection.format</code> at <code>sql/q#1.py:7:1</code>');
    expect(sql).toContain('```python\nif a < b && name == "x|y": log(`tick`) \\x1b[2J\n```');
    expect(sql).toContain('**Remediation:** Do the safe thing instead.');
    expect(md).toContain('1. `jobs/fetch.py:3` object read from s3://uploads');
  });

  it('makes a fence longer than any backtick run in the snippet', () => {
    const result = fullResult();
    result.findings = [finding({ location: { file: 'a.py', startLine: 1, startColumn: 1, endLine: 1, endColumn: 2, snippet: 'x = """```"""  # ````' } })];
    expect(renderMarkdown(result)).toContain('`````python\nx = """```"""  # ````\n`````');
  });

  it('has sections for suppressed findings, fixes, scan errors, skipped files and notices', () => {
    const md = renderMarkdown(fullResult());
    expect(tableAfter(md, '### Suppressed (3)')).toEqual([
      ['`py.deserialization.pickle`', '`jobs/cache.py:5:1`', 'inline', 'artifact we sign ourselves'],
      ['`sql.injection.format`', '`sql/old.py:9:1`', 'baseline', 'accepted 2025-01-10'],
      ['`deps.unpinned`', '`dev-requirements.txt:1:1`', 'ignore-file', 'dev only'],
    ]);
    expect(tableAfter(md, '### Fixed since the previous run (1)')).toEqual([['high', '`py.deserialization.pickle`', '`jobs/old.py:20`', 'Deserialization with pickle']]);
    expect(tableAfter(md, '### Scan errors (2)')).toEqual([
      ['`notebooks/huge.ipynb`', 'invalid JSON at offset 12'],
      ['`jobs/broken.py`', 'analysis timed out after 30 s'],
    ]);
    expect(md).toContain('### Skipped files (2, 1 over the size limit)');
    expect(md).toContain('- suppression for py.deserialization.pickle in jobs/old.py expired on 2025-02-01');
  });

  it('escapes a pipe inside a code span in a cell, and picks a longer fence for backticks', () => {
    const result = fullResult();
    result.errors = [{ file: 'odd|name`.py', message: 'bad' }];
    const [row] = tableAfter(renderMarkdown(result), '### Scan errors');
    expect(row).toEqual(['``odd\\|name`.py``', 'bad']);
  });

  it('cuts long lists short and says how many were left out', () => {
    const result = fullResult();
    result.findings = Array.from({ length: 130 }, (_, i) => finding({ line: i + 1, fingerprint: `fp-${i}` }));
    const md = renderMarkdown(result);
    expect(tableAfter(md, '### Findings')).toHaveLength(100);
    expect(md).toContain('…and 30 more, in the JSON or SARIF report.');
    expect(md.match(/<details>/g)).toHaveLength(25);
    expect(md).toContain('…and 105 more, in the JSON or SARIF report.');
  });

  it('reports a clean run without empty sections', () => {
    const md = renderMarkdown(emptyResult());
    expect(md.startsWith('## pipewarden: no active findings\n')).toBe(true);
    expect(md).not.toMatch(/###|<details>/);
  });

  it('never lets the snippet’s control character through raw', () => {
    expect(HOSTILE_SNIPPET).toContain('\u001b');
    expect(renderMarkdown(fullResult())).not.toContain('\u001b');
  });
});
