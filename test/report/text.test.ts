import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/text.js';
import { emptyResult, fullResult } from './fixture.js';

const ESC = '\u001b';
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

describe('text report', () => {
  it('emits no escape code at all without colour, even when a snippet carries one', () => {
    const text = renderText(fullResult(), { color: false });
    expect(text).not.toContain(ESC);
    expect(renderText(fullResult())).not.toContain(ESC);
    // The snippet's own ESC is shown, not sent to the terminal.
    expect(text).toContain('\\x1b[2J');
  });

  it('colours with ANSI only when asked, and the colours are all it adds', () => {
    const coloured = renderText(fullResult(), { color: true });
    expect(coloured).toMatch(/\u001b\[1m/);
    expect(coloured).toMatch(/\u001b\[31m/);
    expect(stripAnsi(coloured)).toBe(renderText(fullResult(), { color: false }));
  });

  it('groups findings by severity, most severe first', () => {
    const text = renderText(fullResult());
    const headings = ['CRITICAL · 1 finding', 'HIGH · 1 finding', 'MEDIUM · 1 finding', 'LOW · 1 finding', 'INFO · 1 finding'];
    const positions = headings.map((h) => text.indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('shows location, snippet, rule, CWE, confidence, message and remediation of a finding', () => {
    const text = renderText(fullResult());
    const block = text.slice(text.indexOf('HIGH · 1 finding'), text.indexOf('MEDIUM · 1 finding'));
    expect(block).toContain('jobs/load model.py:12:1  py.deserialization.pickle');
    expect(block).toContain('12 │ model = pickle.load(fh)');
    expect(block).toContain('CWE-502 · confidence high');
    expect(block).toContain('pickle.load() deserializes data read from an upload bucket');
    expect(block).toContain('Fix: Do the safe thing instead.');
    expect(block).toContain('1. jobs/fetch.py:3  object read from s3://uploads');
    expect(block).toContain('2. jobs/load model.py:12  passed to pickle.load()');
  });

  it('marks the findings the previous run did not have', () => {
    const text = renderText(fullResult());
    expect(text).toContain('config/settings.py:4:1  secret.aws-access-key [new]');
    expect(text).toContain('jobs/load model.py:12:1  py.deserialization.pickle\n');
  });

  it('lists suppressed findings with their kind and reason, fixed ones, errors, skips and notices', () => {
    const text = renderText(fullResult());
    expect(text).toContain('Suppressed · 3');
    expect(text).toContain('py.deserialization.pickle  jobs/cache.py:5  inline: artifact we sign ourselves');
    expect(text).toContain('deps.unpinned  dev-requirements.txt:1  ignore-file: dev only');
    expect(text).toContain('sql.injection.format  sql/old.py:9  baseline: accepted 2025-01-10');
    expect(text).toContain('Fixed since the previous run · 1');
    expect(text).toContain('high     py.deserialization.pickle  jobs/old.py:20');
    expect(text).toContain('Scan errors · 2');
    expect(text).toContain('notebooks/huge.ipynb: invalid JSON at offset 12 (notebook)');
    expect(text).toContain('jobs/broken.py: analysis timed out after 30 s');
    expect(text).toContain('Skipped files · 2 (1 over the size limit)');
    expect(text).toContain('data/dump.parquet: larger than the size limit');
    expect(text).toContain('• suppression for py.deserialization.pickle in jobs/old.py expired on 2025-02-01');
  });

  it('ends with one summary line whose numbers add up', () => {
    const lines = renderText(fullResult()).trimEnd().split('\n');
    expect(lines.at(-1)).toBe(
      '5 findings (1 critical, 1 high, 1 medium, 1 low, 1 info); 3 suppressed; 2 scan errors; ' +
        '42 files analysed (40 from cache) in 1.2 s; 2 new, 1 fixed since the previous run',
    );
  });

  it('says when this was the first run, and says nothing about history without one', () => {
    const first = fullResult();
    first.history = { runId: 1, previousRunId: undefined, newFingerprints: first.findings.map((f) => f.fingerprint), fixed: [] };
    const firstText = renderText(first);
    expect(firstText.trimEnd().split('\n').at(-1)).toMatch(/; first run of this target$/);
    // On a first run nothing is "new" relative to anything.
    expect(firstText).not.toContain('[new]');

    const none = fullResult();
    delete none.history;
    expect(renderText(none)).not.toMatch(/new|first run/);
  });

  it('reports a clean run plainly', () => {
    const text = renderText(emptyResult());
    expect(text).toContain('No active findings.');
    expect(text).not.toMatch(/Suppressed|Scan errors|Skipped|Notices/);
    expect(text.trimEnd().split('\n').at(-1)).toBe('0 findings (0 critical, 0 high, 0 medium, 0 low, 0 info); 0 suppressed; 0 scan errors; 42 files analysed in 1.2 s');
  });

  it('keeps a newline in a hostile file name or reason from faking another entry', () => {
    const result = fullResult();
    result.errors = [{ file: 'a.py\n  b.py: fine', message: 'bad\rworse' }];
    const text = renderText(result);
    expect(text).toContain('a.py\\x0a  b.py: fine: bad\\x0dworse');
  });
});
