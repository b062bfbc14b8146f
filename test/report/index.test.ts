import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS, renderReport } from '../../src/report/index.js';
import { renderJson } from '../../src/report/json.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import { emptyResult, fullResult } from './fixture.js';

describe('renderReport', () => {
  it('offers the five formats', () => {
    expect([...REPORT_FORMATS]).toEqual(['text', 'json', 'sarif', 'markdown', 'junit']);
  });

  it('dispatches each format to its renderer and passes the options on', () => {
    const result = fullResult();
    expect(renderReport('text', result, { color: true })).toBe(renderText(result, { color: true }));
    expect(renderReport('json', result)).toBe(renderJson(result));
    expect(renderReport('sarif', result)).toBe(renderSarif(result));
    expect(renderReport('markdown', result)).toBe(renderMarkdown(result));
    expect(renderReport('junit', result)).toBe(renderJunit(result));
  });

  it('renders every format deterministically, ending in a newline, without changing its input', () => {
    for (const make of [fullResult, emptyResult]) {
      const result = make();
      const before = structuredClone(result);
      for (const format of REPORT_FORMATS) {
        const out = renderReport(format, result);
        expect(out.endsWith('\n')).toBe(true);
        expect(renderReport(format, make())).toBe(out);
      }
      expect(result).toEqual(before);
    }
  });
});
